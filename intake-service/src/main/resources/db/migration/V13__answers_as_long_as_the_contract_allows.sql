-- An answer may be 10,000 characters long (appeal.answered.v1, response's own limit); the citizen's timeline kept
-- 4,000 and dead-lettered every longer answer.
alter table appeal_step alter column text type varchar(10000);
alter table appeal_progress alter column status_notes type varchar(10000);
