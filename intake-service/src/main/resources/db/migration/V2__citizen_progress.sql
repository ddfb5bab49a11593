-- What the citizen sees of an appeal after registration, rebuilt by intake from the lifecycle events it consumes
-- back (routing, response, escalation topics). No row yet means: registered, nothing happened since.
create table appeal_progress (
    appeal_id      uuid primary key references appeal (id),
    status         varchar(32)  not null,
    body_code      varchar(64),
    body_kato      varchar(12),
    body_name_kk   varchar(300),
    body_name_ru   varchar(300),
    due_on         date,
    status_notes   varchar(4000),
    cycle          integer      not null default 1,
    updated_at     timestamptz  not null
);
create index appeal_progress_status on appeal_progress (status, updated_at);

-- Every step of an appeal's life as the citizen's timeline shows it; the event id keeps a redelivered event out.
-- Progress is folded from these rows in occurrence order, so events arriving out of order across topics give the
-- same result.
create table appeal_step (
    event_id     uuid primary key,
    appeal_id    uuid          not null references appeal (id),
    kind         varchar(32)   not null,
    occurred_at  timestamptz   not null,
    body_code    varchar(64),
    body_kato    varchar(12),
    body_name_kk varchar(300),
    body_name_ru varchar(300),
    due_on       date,
    outcome      varchar(32),
    satisfied    boolean,
    text         varchar(4000),
    cycle        integer
);
create index appeal_step_appeal on appeal_step (appeal_id, occurred_at);
create index appeal_registered_at on appeal (registered_at);
