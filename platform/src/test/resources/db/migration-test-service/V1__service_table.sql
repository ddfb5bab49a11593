-- A service's own first migration, for PlatformMigrationsTest.
create table service_thing (id bigint primary key);
