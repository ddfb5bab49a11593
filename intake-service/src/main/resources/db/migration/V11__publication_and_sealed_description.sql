-- What the public may see of an appeal (issue 18). Private unless the applicant chose to publish it; an operator may
-- hide a published one. Appeals filed before this migration stay private: nobody chose to publish them.
alter table appeal add column publication varchar(16) not null default 'PRIVATE'
    check (publication in ('PRIVATE', 'PUBLIC', 'HIDDEN'));

-- From here on appeal.description holds the public copy (IINs, phones, e-mails and the applicant's name masked);
-- the citizen's own words, when they differ, are sealed like the applicant (PersonalDataCipher, bound to the
-- appeal's id) for the office that answers, and erased with the applicant by the retention period.
alter table appeal add column description_sealed bytea;

create index appeal_public_registered_at on appeal (registered_at desc) where publication = 'PUBLIC';
