-- Where routing shows each place (WGS 84) and where that point came from (CLASSIFIER, BOUNDARY): Open311 gives it as
-- lat/long of a request filed by address_id. Null until routing publishes a point for the place.
alter table known_settlement add column latitude double precision;
alter table known_settlement add column longitude double precision;
alter table known_settlement add column point_source varchar(16);
