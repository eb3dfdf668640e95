-- Reference data: administrative units with their validity, and the successor of each unit that merged away.
create table administrative_unit (
    code        text not null,
    name        text not null,
    valid_from  date not null,
    valid_to    date,                     -- last day in force; null while in force
    primary key (code, valid_from)
);

create table administrative_unit_succession (
    old_code     text not null,
    new_code     text not null,
    effective_on date not null,
    legal_basis  text not null,
    primary key (old_code, effective_on)
);

-- Rule sets: every legal number as dated data, chosen by the case's receipt date.
create table rule_set (
    version            text primary key,
    effective_from     date not null unique,
    paused_time_counts boolean not null,  -- false: the clock stops while a case is paused
    legal_basis        text not null
);

create table rule_value (
    rule_set_version     text    not null references rule_set (version),
    rule                 text    not null,
    unit                 text    not null check (unit in ('CALENDAR_DAYS', 'WORKING_DAYS', 'COUNT')),
    normal_value         integer not null check (normal_value >= 0),
    complex_value        integer check (complex_value >= 0),
    remote_value         integer check (remote_value >= 0),
    remote_complex_value integer check (remote_complex_value >= 0),
    primary key (rule_set_version, rule)
);

create table public_holiday (
    day  date primary key,
    name text not null
);

-- Cases.
create table citizen_case (
    id                              uuid primary key,
    version                         bigint  not null,
    province_code                   text    not null,  -- the province whose system filed it: scope of access
    filed_unit_code                 text    not null,  -- the administrative unit in force on receipt, kept after mergers
    source_system                   text    not null,
    source_reference                text    not null,
    receiving_body_code             text    not null,
    handling_body_code              text,
    channel                         text    not null,
    declared_kind                   text    not null,
    kind                            text    not null,
    instance                        integer not null,
    complex                         boolean not null,
    remote_area                     boolean not null,
    information_only                boolean not null,
    status                          text    not null,
    subject                         text    not null,
    summary                         text,
    respondent_code                 text,
    respondent_declarant_id         uuid,
    received_on                     date    not null,
    decision_learned_on             date,
    signed                          boolean not null,
    affects_complainant             boolean not null,
    decided_at_second_instance      boolean not null,
    anonymous                       boolean not null,
    complainant_count               integer not null,
    representative_count            integer not null,
    mass                            boolean not null,
    rule_set_version                text    not null references rule_set (version),
    admissibility_findings          text    not null default '',
    acceptance_due_on               date,
    accepted_on                     date,
    resolution_due_on               date,
    notify_due_on                   date,
    current_due_on                  date,    -- the deadline of the step the case waits for; null when none runs
    extension_count                 integer not null default 0,
    paused_on                       date,
    paused_from_status              text,
    resolved_on                     date,
    outcome                         text,
    decision_reference              text,
    second_complaint_window_ends_on date,
    parent_case_id                  uuid references citizen_case (id),
    escalated_case_id               uuid,
    closed_on                       date,
    closure_reason                  text,
    created_at                      timestamptz not null default now(),
    updated_at                      timestamptz not null default now(),
    constraint citizen_case_source_key unique (province_code, source_system, source_reference)
);
create index citizen_case_scope_received on citizen_case (province_code, received_on desc, id);
create index citizen_case_scope_status on citizen_case (province_code, status);
create index citizen_case_due on citizen_case (current_due_on) where current_due_on is not null;
create index citizen_case_handling_body on citizen_case (handling_body_code);
create index citizen_case_kind on citizen_case (kind, status);
create index citizen_case_respondent on citizen_case (respondent_code, received_on) where respondent_code is not null;

-- Claimed before the case row is written, so a retried or concurrent duplicate never aborts the transaction.
create table case_source_key (
    province_code    text not null,
    source_system    text not null,
    source_reference text not null,
    case_id          uuid not null,
    primary key (province_code, source_system, source_reference)
);

-- Complainant or denouncer identity, apart from the case and encrypted (AES-GCM); the hash finds duplicates.
create table case_identity (
    case_id       uuid primary key references citizen_case (id),
    key_id        text  not null,
    ciphertext    bytea not null,
    identity_hash text  not null,
    created_at    timestamptz not null default now()
);
create index case_identity_hash on case_identity (identity_hash);

create table case_history (
    id          bigserial primary key,
    case_id     uuid not null references citizen_case (id),
    occurred_at timestamptz not null default now(),
    actor       text not null,
    command     text not null,
    from_status text,
    to_status   text not null,
    detail      text
);
create index case_history_case on case_history (case_id, id);

create table case_duplicate_link (
    case_id           uuid not null references citizen_case (id),
    likely_duplicate_of uuid not null references citizen_case (id),
    reasons           text not null,
    linked_at         timestamptz not null default now(),
    primary key (case_id, likely_duplicate_of)
);
create index case_duplicate_link_other on case_duplicate_link (likely_duplicate_of);

-- One overdue notice per case, step and deadline.
create table case_overdue_notice (
    case_id    uuid not null references citizen_case (id),
    step       text not null,
    due_on     date not null,
    noticed_at timestamptz not null default now(),
    primary key (case_id, step, due_on)
);

create table case_inspection_link (
    case_id              uuid not null references citizen_case (id),
    inspection_id        uuid not null,
    inspecting_body_code text,
    concluded_on         date not null,
    linked_at            timestamptz not null default now(),
    primary key (case_id, inspection_id)
);

-- The central watchlist of prolonged, complex cases and its monthly progress reports.
create table watchlist_entry (
    case_id                    uuid primary key references citizen_case (id),
    active                     boolean not null,
    added_decision_reference   text not null,
    added_on                   date not null,
    removed_decision_reference text,
    removed_on                 date
);
create index watchlist_entry_active on watchlist_entry (case_id) where active;

create table watchlist_progress (
    case_id      uuid not null references citizen_case (id),
    report_month text not null,  -- YYYY-MM
    stage        text not null,
    note         text,
    resolved     boolean not null,
    reported_by  text not null,
    reported_at  timestamptz not null default now(),
    primary key (case_id, report_month)
);
