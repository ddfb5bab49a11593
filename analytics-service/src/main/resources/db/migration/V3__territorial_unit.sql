-- The territorial reference routing publishes on appeals.territory (kz.appeals.territory.unit.v1), latest state per
-- KATO code: names for the dashboard, the rural district's population for per-resident metrics, and the day its
-- akim took office, from which the akim's trust index counts.
create table territorial_unit (
    kato_code          varchar(9)   primary key,
    level              varchar(16)  not null,
    district_kato      varchar(9),
    region_kato        varchar(9)   not null,
    name_kk            varchar(255) not null,
    name_ru            varchar(255) not null,
    population         integer,
    akim_name          varchar(255),
    akim_elected_since date,
    valid_from         date,
    valid_to           date,
    published_at       timestamptz  not null
);

-- Residents of a district or region: the sum over its rural districts.
create index territorial_unit_district on territorial_unit (district_kato);
create index territorial_unit_region on territorial_unit (region_kato);
