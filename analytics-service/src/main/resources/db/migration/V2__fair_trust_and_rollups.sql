-- What the fair trust index needs (issue 7): who appealed (the pseudonymous applicantRef of appeal.submitted) and
-- on which issue (routing's issueId), so that one applicant's repeated appeals on one issue count once and one
-- applicant's weight can be capped; and the day the current body's own term started, which a redirect moves
-- (the body that receives a redirected appeal is measured from the day it received it, APPK Art. 76 / Art. 64).
alter table appeal_fact add column applicant_ref varchar(64);
alter table appeal_fact add column issue_id uuid;
alter table appeal_fact add column term_start_day date;

-- Roll-ups select all rural districts of one district over a range of registration days.
create index appeal_fact_district on appeal_fact (district_kato, registration_day);
