-- A transfer to another body arrives as a case of its own in that body's queue (and province); the two cases name
-- each other. The sending case keeps its status TRANSFERRED and shows the receiving case as a read-only reference.
alter table citizen_case add column transferred_from_case_id uuid references citizen_case (id);
alter table citizen_case add column transferred_to_case_id uuid references citizen_case (id);

-- The inspection bodies with their dates, from the shared reference file (V9_8): a transfer goes only to a body
-- known and in force on the day, and a body's place in the hierarchy decides who reads a case's identity.
create table inspection_body (
    code           text primary key,
    name           text not null,
    level          text not null,
    province_code  text,
    valid_from     date not null,
    valid_to       date,
    successor_code text,
    certainty      text not null,
    source         text
);

-- Every reading of a complainant's or denouncer's identity: who (and for which body), when, which case, why.
-- Append-only; never what was read.
create table case_identity_read (
    id            bigserial primary key,
    case_id       uuid not null references citizen_case (id),
    reader        text not null,
    reader_agency text not null,
    purpose       text not null,
    read_at       timestamptz not null default now()
);
create index case_identity_read_case on case_identity_read (case_id, id);
