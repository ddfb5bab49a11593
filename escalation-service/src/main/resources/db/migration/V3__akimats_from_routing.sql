-- The akimats of the place's district and region as routing's events name them (code and name), so that an
-- escalation uses the same code and the proper name for the body it goes to (issue 22, item 3).
alter table deadline
    add column district_akimat_code    varchar(64),
    add column district_akimat_level   varchar(32),
    add column district_akimat_kato    varchar(9),
    add column district_akimat_name_kk varchar(255),
    add column district_akimat_name_ru varchar(255),
    add column region_akimat_code      varchar(64),
    add column region_akimat_level     varchar(32),
    add column region_akimat_kato      varchar(9),
    add column region_akimat_name_kk   varchar(255),
    add column region_akimat_name_ru   varchar(255);

-- Codes this service gave akimats before take the one form of contracts' BodyCode (district:akimat:<KATO>).
update deadline set escalated_body_code = regexp_replace(escalated_body_code, '^(district|region)-akimat:', '\1:akimat:')
where escalated_body_code ~ '^(district|region)-akimat:';
update deadline set extension_body_code = regexp_replace(extension_body_code, '^(district|region)-akimat:', '\1:akimat:')
where extension_body_code ~ '^(district|region)-akimat:';
