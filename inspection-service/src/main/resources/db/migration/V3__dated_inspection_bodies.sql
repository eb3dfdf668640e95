-- Inspection bodies are dated reference data: in force from valid_from to valid_to (the last day), possibly succeeded
-- by another body; an uncertain entry says so until an admin confirms or corrects it.
alter table inspection_body add column valid_from date not null default date '1990-01-01';
alter table inspection_body add column valid_to date;
alter table inspection_body add column successor_code text references inspection_body (code);
alter table inspection_body add column certainty text not null default 'CONFIRMED'
    check (certainty in ('CONFIRMED', 'UNCERTAIN'));
alter table inspection_body add column source text;
