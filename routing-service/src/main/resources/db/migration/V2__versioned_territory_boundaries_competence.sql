-- Every import is a release with an effective date. A unit that changes gets a new version row from that date and
-- its old row is closed, so the territory as it was on any past day stays readable and past routing is never
-- rewritten.
create table territory_release (
    id             bigserial    primary key,
    kind           varchar(16)  not null,
    source         varchar(200) not null,
    effective_from date         not null,
    imported_at    timestamptz  not null,
    rows_read      integer      not null,
    changed        integer      not null
);

alter table territorial_unit drop constraint territorial_unit_pkey;
alter table territorial_unit add column id bigserial primary key;
alter table territorial_unit add column release_id bigint references territory_release (id);
create unique index territorial_unit_version on territorial_unit (kato_code, valid_from);

-- Rural district boundaries (GeoJSON geometry, WGS 84), versioned like the units.
create table boundary (
    id         bigserial  primary key,
    kato_code  varchar(9) not null,
    valid_from date       not null,
    valid_to   date,
    geojson    text       not null,
    release_id bigint     not null references territory_release (id)
);
create unique index boundary_version on boundary (kato_code, valid_from);

-- Competence: category x level of the place -> kind of body. Category '*' is the default.
create table competence_rule (
    id              bigserial     primary key,
    category_code   varchar(64)   not null,
    location_level  varchar(16)   not null,
    responsibility  varchar(32)   not null,
    department_code varchar(64)   not null,
    name_kk         varchar(200)  not null,
    name_ru         varchar(200)  not null,
    note            varchar(1000) not null,
    updated_at      timestamptz   not null,
    unique (category_code, location_level)
);

insert into competence_rule (category_code, location_level, responsibility, department_code, name_kk, name_ru, note, updated_at) values
('*', 'RURAL_DISTRICT', 'RURAL_AKIM', 'akim', 'Ауыл әкімі', 'Аким сельского округа',
 'Local matters of a rural district are its akim''s (Law on local government, Art. 35).', now()),
('*', 'DISTRICT', 'DISTRICT_DEPARTMENT', 'akimat', 'Аудан әкімдігі', 'Акимат района',
 'What a rural akim cannot answer, or a place known only to the district, goes to the district akimat.', now()),
('*', 'REGION', 'REGION_DEPARTMENT', 'akimat', 'Облыс әкімдігі', 'Акимат области',
 'What the district cannot answer goes to the regional akimat.', now()),
('health', 'ANY', 'REGION_DEPARTMENT', 'health', 'Денсаулық сақтау басқармасы', 'Управление здравоохранения',
 'Health care is organised by the regional health department, never by the rural akim.', now()),
('schools', 'ANY', 'DISTRICT_DEPARTMENT', 'education', 'Білім бөлімі', 'Отдел образования',
 'Schools and kindergartens are run by the district education department.', now()),
('electricity', 'ANY', 'UTILITY', 'power-grid', 'Өңірлік электр желілік компаниясы', 'Региональная электросетевая компания',
 'Power outages go to the utility that serves the region.', now()),
('policing', 'ANY', 'NATIONAL_AGENCY', 'police', 'Ішкі істер министрлігі', 'Министерство внутренних дел',
 'Policing is the Ministry of Internal Affairs''s, never the akim''s.', now()),
('private-dispute', 'ANY', 'NO_PUBLIC_BODY', 'none', 'Мемлекеттік орган жоқ', 'Нет государственного органа',
 'A dispute between private parties is outside every public body''s competence; it is settled by agreement or in court.', now());

alter table routed_appeal add column steps text not null default '[]';
alter table routed_appeal add column issue_id uuid;
alter table routed_appeal add column settlement_kato varchar(9);
-- false once the body answered: only open appeals are grouped with new ones
alter table routed_appeal add column open boolean not null default true;
create index routed_appeal_related_settlement on routed_appeal (category_code, settlement_kato) where open;
create index routed_appeal_related_point on routed_appeal (category_code, latitude, longitude) where open;
-- OUTSIDE_COMPETENCE is longer than the statuses V1 sized the column for.
alter table routed_appeal alter column status type varchar(32);
