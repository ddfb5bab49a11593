-- One row per appeal, merged from the lifecycle events of four topics. Events of one appeal arrive in any order
-- across topics, so the row starts from whichever event comes first: everything but the key, the counters and the
-- flags is nullable, and every column is set by a rule that gives the same result in any delivery order
-- (minimum, maximum, logical or, a sum of deduplicated events, or the newest decision by its own time).
create table appeal_fact (
    appeal_id           uuid        primary key,
    receipt_number      varchar(64),
    category_code       varchar(64),
    appeal_type         varchar(16),
    registration_day    date,
    body_code           varchar(64),
    rural_district_kato varchar(9),
    district_kato       varchar(9),
    region_kato         varchar(9),
    -- First routing; the body, territory and method below come from the newest routing decision instead
    -- (routed or redirected), identified by routing_decided_at.
    routed_at           timestamptz,
    routing_method      varchar(16),
    routing_decided_at  timestamptz,
    first_answered_at   timestamptz,
    -- Outcome of the latest answer (highest cycle, then newest), the one the applicant is left with.
    outcome             varchar(32),
    outcome_cycle       integer,
    outcome_at          timestamptz,
    extended            boolean     not null default false,
    redirected_count    integer     not null default 0,
    deemed_refused      boolean     not null default false,
    escalation_level    varchar(32),
    -- Rating of the latest answer cycle; null until the applicant rates.
    rated_satisfied     boolean,
    rating_cycle        integer,
    rated_at            timestamptz,
    reopened_count      integer     not null default 0,
    last_event_at       timestamptz not null
);

-- Metrics select one rural district, or all of a region, over a range of registration days.
create index appeal_fact_rural_district on appeal_fact (rural_district_kato, registration_day);
create index appeal_fact_region on appeal_fact (region_kato, registration_day);
