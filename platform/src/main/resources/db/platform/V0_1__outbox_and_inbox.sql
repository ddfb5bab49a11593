-- Shared by every service, in the service's own schema. Applied before the service's own migrations (V1+).

-- Transactional outbox. The first five columns follow Debezium's outbox event router (id, aggregatetype,
-- aggregateid, type, payload) so that a deployment can switch the relay to change-data-capture by configuration.
create table outbox_event (
    id            uuid         primary key,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(64)  not null,
    type          varchar(128) not null,
    payload       jsonb        not null,
    topic         varchar(128) not null,
    occurred_at   timestamptz  not null,
    seq           bigserial    not null,
    published_at  timestamptz
);
-- The relay reads unpublished rows in commit order; the partial index keeps that scan small however large the
-- history grows.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Insert-first inbox: a duplicate delivery violates the key and is recognised as "already done".
create table inbox_event (
    consumer    varchar(64) not null,
    event_id    uuid        not null,
    event_type  varchar(128) not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
