-- What each unit of the classifier is (rural district, village akimat, town, city administration, city, locality, …),
-- read at import from its code and its name's type marker; level stays the level whose competence rules apply.
-- Units imported before were read by their code's shape alone.
alter table territorial_unit add column kind varchar(40);
update territorial_unit set kind = case level when 'SETTLEMENT' then 'LOCALITY' else level end;
alter table territorial_unit alter column kind set not null;
