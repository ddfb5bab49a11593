-- The applicant's personal data is stored only sealed (AES-256-GCM, PersonalDataCipher). Rows written before this
-- version carry plaintext: intake seals them at start-up (PersonalDataSealer) and empties these columns, which a
-- later migration drops once every environment has run it.
alter table appeal add column applicant_sealed bytea;
alter table appeal alter column applicant_iin drop not null;
alter table appeal alter column applicant_name drop not null;
alter table appeal alter column applicant_phone drop not null;
