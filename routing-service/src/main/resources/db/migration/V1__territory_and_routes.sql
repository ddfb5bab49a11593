create table territorial_unit (
    kato_code          varchar(9)   primary key,
    level              varchar(16)  not null,
    name_kk            varchar(200) not null,
    name_ru            varchar(200) not null,
    valid_from         date         not null,
    valid_to           date,
    akim_name          varchar(200),
    akim_elected_since date,
    population         integer,
    office_phone       varchar(32),
    office_email       varchar(254)
);

create table routed_appeal (
    appeal_id        uuid primary key,
    receipt_number   varchar(32)   not null,
    appeal_type      varchar(16)   not null,
    category_code    varchar(64)   not null,
    description      varchar(4000) not null,
    language         varchar(2)    not null,
    kato_code        varchar(9),
    latitude         double precision,
    longitude        double precision,
    address_text     varchar(500),
    registration_day date          not null,
    status           varchar(16)   not null,
    body_code        varchar(64),
    body_level       varchar(32),
    body_kato        varchar(9),
    body_name_kk     varchar(200),
    body_name_ru     varchar(200),
    method           varchar(16),
    reason           varchar(2000) not null,
    excluded_bodies  varchar(2000) not null default '',
    decided_at       timestamptz   not null
);
create index routed_appeal_triage on routed_appeal (decided_at) where status = 'NEEDS_TRIAGE';
