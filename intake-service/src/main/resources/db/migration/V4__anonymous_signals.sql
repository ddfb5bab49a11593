-- An anonymous report of a crime or a threat to public security is registered without an applicant.
alter table appeal add column anonymous_signal boolean not null default false;
alter table appeal alter column applicant_ref drop not null;
