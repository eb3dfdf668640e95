-- Matters: the cases connected by links (likely duplicates, mass cases, a case closed as a duplicate) are one matter,
-- counted once. Links are kept both ways; each case's filing is what the matter's contributions are made of.
create table case_link (
    case_id        uuid not null,
    other_case_id  uuid not null,
    primary key (case_id, other_case_id)
);

create table matter_filing (
    case_id        uuid primary key,
    province_code  text not null,
    body_code      text not null,
    kind           text not null,
    received_on    date,             -- null until the case's reception is projected
    matter_id      uuid,             -- the record the matter's contributions are kept under
    group_id       uuid not null     -- the cases of one matter share it (groups only merge: links stay)
);
create index matter_filing_matter on matter_filing (matter_id);
create index matter_filing_group on matter_filing (group_id);
