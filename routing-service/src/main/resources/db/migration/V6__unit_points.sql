-- The point the classifier import gave a place (WGS 84 degrees), both or neither; versioned with the unit. Places
-- without one are shown at an interior point of a boundary, computed when published, never stored.
alter table territorial_unit add column latitude double precision;
alter table territorial_unit add column longitude double precision;
alter table territorial_unit add constraint territorial_unit_point_whole
    check ((latitude is null) = (longitude is null));
