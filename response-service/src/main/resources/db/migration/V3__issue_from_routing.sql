-- Related appeals are routing's decision (appeal.routed / appeal.redirected carry issueId: the same category within
-- 250 m, or the same settlement), not a second guess here: the office sees the issue routing formed.
alter table appeal add column issue_id uuid;
create index appeal_by_issue_id on appeal (issue_id) where issue_id is not null;
-- The guess this replaces (same category in the same rural district within 30 days) needed this index.
drop index appeal_by_issue;
