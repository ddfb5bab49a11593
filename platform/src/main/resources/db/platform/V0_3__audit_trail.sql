-- Who changed what, and when: every change a person makes through the API (an office's action on an appeal, an
-- operator's triage assignment, an administrator's reference data, keys and calendars). Rows are only inserted.
create table audit_entry (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    actor       varchar(255) not null,
    action      varchar(64)  not null,
    subject     varchar(255) not null,
    detail      text
);
create index audit_entry_subject on audit_entry (subject, occurred_at);
create index audit_entry_occurred_at on audit_entry (occurred_at);
