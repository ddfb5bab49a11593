-- Every disclosure of an applicant's personal data: who read it, in which capacity, when. Written in the same
-- transaction as the read, so there is no read without its record.
create table personal_data_read (
    id           bigint generated always as identity primary key,
    appeal_id    uuid         not null references appeal (id),
    reader       varchar(128) not null,
    reader_roles varchar(256) not null,
    reader_kato  varchar(12),
    read_at      timestamptz  not null
);
create index personal_data_read_appeal on personal_data_read (appeal_id, read_at);
create index personal_data_read_at on personal_data_read (read_at);

-- Closed appeals lose their applicant after the retention period (PersonalDataRetention).
alter table appeal add column anonymised_at timestamptz;
