-- What kind of body each unit is (kz.appeals.territory.unit.v1's optional kind), so that rankings compare like with
-- like: a town's akim with towns, a village's with the countryside. Units published before routing said it are
-- taken for the kind of the same name as their level until routing publishes them again.
alter table territorial_unit add column kind varchar(32);
update territorial_unit set kind = level;
alter table territorial_unit alter column kind set not null;
