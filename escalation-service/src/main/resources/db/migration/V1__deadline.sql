-- The law's clock: one row per appeal, holding the facts the three input topics bring (in whatever order they
-- arrive) and the due date and status derived from them. Deadlines are data, not timers: the sweeper finds lapsed
-- ones through the (status, due_date) index, so a restart or a second replica loses nothing.
create table deadline (
    appeal_id           uuid        primary key,
    -- Facts from intake and routing.
    registration_day    date,
    body_code           varchar(64),
    body_level          varchar(32),
    body_kato           varchar(9),
    body_name_kk        varchar(255),
    body_name_ru        varchar(255),
    district_kato       varchar(9),
    -- Facts from response: the current cycle (a reopening starts the next one), the last answered cycle, the
    -- registration day of the reopening the current cycle counts from, and the extension asked for in it.
    cycle               integer     not null check (cycle >= 1),
    answered_cycle      integer     not null check (answered_cycle >= 0),
    reopen_day          date,
    extension_due_date  date,
    extension_body_code varchar(64),
    -- Derived (APPK Art. 76, 91(2)): null while the day the term counts from is unknown.
    due_date            date,
    status              varchar(16) not null check (status in ('RUNNING', 'STOPPED', 'LAPSED')),
    lapsed_at           timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

create index deadline_status_due_date on deadline (status, due_date);
