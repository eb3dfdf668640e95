-- Remote areas as reference data: the units whose bodies are in remote areas with difficult travel, dated (loaded
-- from the shared reference file by V9_91). A case's remote flag follows from its unit on its receipt date.
create table remote_area (
    unit_code  text not null,
    valid_from date not null,
    valid_to   date,  -- last day of the designation; null while in force
    certainty  text not null,
    source     text not null,
    primary key (unit_code, valid_from)
);

-- remote_area stays the effective value the clocks read; beside it the value derived from the unit and where the
-- effective one comes from (earlier cases: V9_92).
alter table citizen_case add column remote_area_derived boolean not null default false;
alter table citizen_case add column remote_area_source text not null default 'DERIVED';
alter table citizen_case add column remote_area_reason text;

-- The kind intake proposes and why (a stable reason code); the kind decided stays in kind.
alter table citizen_case add column proposed_kind text;
alter table citizen_case add column kind_proposal_reason text;

-- An anonymous denunciation: whether the filer offers evidence, and the assessment of its content (Law on
-- Denunciations 25/2018 Art. 25): TO_EXAMINE when it names the person, describes the violation and offers evidence,
-- else INFORMATION_ONLY with what it lacks. information_to_examine once classification applied it.
alter table citizen_case add column evidence_offered boolean not null default false;
alter table citizen_case add column information_assessment text;
alter table citizen_case add column information_missing text not null default '';
alter table citizen_case add column information_to_examine boolean not null default false;
