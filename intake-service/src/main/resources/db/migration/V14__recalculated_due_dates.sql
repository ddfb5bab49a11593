-- A due date the escalation service recalculated after a calendar load replaces the one shown only if it is the
-- date that service had before: the step keeps both.
alter table appeal_step add column previous_due_on date;
