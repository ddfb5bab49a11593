-- The higher body's due date as appeal.escalated published it: the office shows escalation's date, not its own.
alter table appeal_escalation add column due_date date;
