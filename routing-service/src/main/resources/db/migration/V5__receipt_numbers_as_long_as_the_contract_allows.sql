-- appeal.submitted allows receipt numbers of up to 64 characters (as response and analytics store them); 32 would
-- dead-letter a longer one. Intake issues 14-character numbers today.
alter table routed_appeal alter column receipt_number type varchar(64);
