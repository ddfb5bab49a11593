-- Issue 6: the clock's full state. The routed body stays in body_*; a lapse moves the current term one step up the
-- ladder into escalated_body_* with its own term. wake_on is the first day the sweeper has anything to do with a
-- running row (a warning or the lapse), so a sweep reads only rows that are due through a small partial index,
-- however many deadlines are open.
alter table deadline
    add column region_kato            varchar(9),
    add column redirected_at          timestamptz,
    add column escalation_step        integer      not null default 0 check (escalation_step >= 0),
    add column escalated_body_code    varchar(64),
    add column escalated_body_level   varchar(32),
    add column escalated_body_kato    varchar(9),
    add column escalated_body_name_kk varchar(255),
    add column escalated_body_name_ru varchar(255),
    add column escalation_day         date,
    add column escalation_term        integer check (escalation_term >= 1),
    add column term_start             date,
    add column warnings_sent          varchar(128) not null default '',
    add column wake_on                date;

-- Rows written before this version: their terms counted from registration (or the reopening); warnings start now.
update deadline
set term_start = case when cycle > 1 then reopen_day else registration_day end,
    wake_on    = case when status = 'RUNNING' and body_code is not null and due_date is not null
                      then due_date + 1 end;

create index deadline_running_wake_on on deadline (wake_on) where status = 'RUNNING';
-- The sweeper no longer reads by due date; an unused index only slows every update of a deadline.
drop index deadline_status_due_date;

-- Working-calendar years loaded through the admin API (the next government resolution without a release). They
-- override the years shipped in the appk library; the text is kept exactly as loaded, in the library's format.
create table calendar_year (
    year      integer      primary key check (year between 2000 and 2200),
    source    text         not null,
    loaded_by varchar(255) not null,
    loaded_at timestamptz  not null
);

-- The overdue lists of a district or region read only unanswered rows.
create index deadline_open_district on deadline (district_kato) where status <> 'STOPPED';
create index deadline_open_region on deadline (region_kato) where status <> 'STOPPED';
