-- The citizen's answers to the category's attributes (GET /api/v1/categories), by attribute code.
alter table appeal add column attributes jsonb not null default '{}'::jsonb;
