-- Reference data: the inspection bodies of the sector. Central and ministry (sector) bodies have no province.
create table inspection_body (
    code           text primary key,
    name           text not null,
    level          text not null check (level in ('CENTRAL', 'PROVINCIAL', 'SECTOR', 'DISTRICT')),
    province_code  text,
    check ((level in ('PROVINCIAL', 'DISTRICT')) = (province_code is not null))
);

-- Inspected enterprises and public bodies, by registry code; upserted as plans and inspections mention them.
create table inspected_entity (
    code           text primary key,
    kind           text not null check (kind in ('ENTERPRISE', 'PUBLIC_BODY')),
    name           text not null,
    province_code  text not null,
    updated_at     timestamptz not null default now()
);

-- Duration limits by level (Law on Inspection 11/2022 Art. 47; Law 84/2025 from 1 Jul 2025), chosen by decision date.
create table duration_rule (
    id              bigserial primary key,
    level           text not null,
    re_inspection   boolean not null,
    base_days       integer not null check (base_days > 0),
    extension_days  integer not null check (extension_days >= 0),
    max_extensions  integer not null check (max_extensions >= 0),
    effective_from  date not null,
    effective_to    date,
    source          text not null,
    unique (level, re_inspection, effective_from)
);

-- Other legal numbers (publication period, inspections of an enterprise per year, ...), dated the same way.
create table legal_parameter (
    name            text not null,
    value           integer not null,
    effective_from  date not null,
    effective_to    date,
    source          text not null,
    primary key (name, effective_from)
);

-- Local reference of citizen cases, fed by case.* events: an inspection opened from a case is checked against it.
create table case_reference (
    case_id        uuid primary key,
    province_code  text not null,
    kind           text,
    status         text not null,
    last_version   bigint not null,
    updated_at     timestamptz not null default now()
);

create table inspection_plan (
    id             uuid primary key,
    body_code      text not null references inspection_body (code),
    province_code  text,
    plan_year      integer not null,
    status         text not null,
    version        bigint not null,
    created_by     text not null,
    created_at     timestamptz not null,
    submitted_at   timestamptz,
    approved_by    text,
    approved_on    date,
    unique (body_code, plan_year)
);
create index inspection_plan_year_province on inspection_plan (plan_year, province_code);

create table plan_amendment (
    id             uuid primary key,
    plan_id        uuid not null references inspection_plan (id),
    number         integer not null,
    reason         text not null,
    change         text not null,
    decided_by     text not null,
    decided_at     timestamptz not null,
    unique (plan_id, number)
);

create table planned_inspection (
    id                     uuid primary key,
    plan_id                uuid not null references inspection_plan (id),
    body_code              text not null references inspection_body (code),
    responsible_body_code  text not null references inspection_body (code),
    plan_year              integer not null,
    entity_code            text not null references inspected_entity (code),
    subject                text not null,
    inspection_type        text not null,
    planned_start          date not null,
    duration_days          integer not null,
    status                 text not null,
    added_by_amendment     integer,
    created_at             timestamptz not null,
    unique (plan_id, entity_code, subject)
);
-- The national overlap check looks up every plan's items of one entity and year.
create index planned_inspection_entity_year on planned_inspection (entity_code, plan_year);

create table inspection (
    id                      uuid primary key,
    body_code               text not null references inspection_body (code),
    province_code           text not null,
    decision_number         text not null,
    decision_date           date not null,
    legal_basis             text not null,
    team                    text not null,
    inspection_type         text not null,
    subject                 text not null,
    entity_code             text not null references inspected_entity (code),
    inspection_year         integer not null,
    planned_inspection_id   uuid references planned_inspection (id),
    plan_id                 uuid references inspection_plan (id),
    re_inspection_of        uuid references inspection (id),
    status                  text not null,
    opened_on               date not null,
    base_days               integer not null,
    extensions_used         integer not null,
    extension_days_total    integer not null,
    max_extensions          integer not null,
    extension_days_limit    integer not null,
    due_on                  date not null,
    report_submitted_on     date,
    version                 bigint not null,
    created_by              text not null,
    created_at              timestamptz not null,
    unique (body_code, decision_number)
);
create index inspection_entity_year on inspection (entity_code, inspection_year);
create index inspection_province_status on inspection (province_code, status);

create table inspection_case (
    inspection_id  uuid not null references inspection (id),
    case_id        uuid not null references case_reference (case_id),
    position       integer not null,
    primary key (inspection_id, case_id)
);

create table inspection_extension (
    id             uuid primary key,
    inspection_id  uuid not null references inspection (id),
    number         integer not null,
    extra_days     integer not null,
    reason_code    text not null,
    decided_on     date not null,
    new_due_on     date not null,
    unique (inspection_id, number)
);

-- Conflicts found by the overlap check; a settlement records which body proceeds and who decided.
create table overlap_conflict (
    id                    uuid primary key,
    plan_year             integer not null,
    province_code         text,
    entity_code           text not null,
    subject               text,
    rule                  text not null,
    source_kind           text not null,
    source_id             uuid not null,
    source_body_code      text not null,
    other_kind            text not null,
    other_id              uuid not null,
    other_body_code       text not null,
    other_plan_id         uuid,
    other_start           date,
    other_end             date,
    detected_at           timestamptz not null,
    settled_at            timestamptz,
    proceeding_body_code  text,
    settled_by            text,
    settlement_note       text,
    unique (source_id, other_id, rule)
);
create index overlap_conflict_source on overlap_conflict (source_id);
create index overlap_conflict_other on overlap_conflict (other_id);
create index overlap_conflict_year_province on overlap_conflict (plan_year, province_code);

create table conclusion (
    inspection_id                 uuid primary key references inspection (id),
    conclusion_number             text not null,
    concluded_on                  date not null,
    assessment                    text not null,
    violations_vnd                bigint not null check (violations_vnd >= 0),
    violations_land_m2            bigint not null check (violations_land_m2 >= 0),
    recovery_recommended_vnd      bigint not null check (recovery_recommended_vnd >= 0),
    recovery_recommended_land_m2  bigint not null check (recovery_recommended_land_m2 >= 0),
    units_covered                 integer not null,
    responsible_organisations     text not null,
    responsible_individuals       text not null,
    responsible_organisations_count integer not null,
    responsible_individuals_count   integer not null,
    published                     boolean not null,
    published_from                date,
    published_until               date
);

create table conclusion_item (
    inspection_id        uuid not null references conclusion (inspection_id),
    item_no              integer not null,
    subject              text not null,
    finding              text not null,
    violations_vnd       bigint not null check (violations_vnd >= 0),
    violations_land_m2   bigint not null check (violations_land_m2 >= 0),
    primary key (inspection_id, item_no)
);

create table recommendation (
    id                  uuid primary key,
    inspection_id       uuid not null references conclusion (inspection_id),
    kind                text not null check (kind in ('RECOVERY', 'ADMINISTRATIVE', 'DISCIPLINARY')),
    description         text not null,
    addressee           text not null,
    amount_vnd          bigint not null check (amount_vnd >= 0),
    land_m2             bigint not null check (land_m2 >= 0),
    individuals_count   integer not null,
    due_on              date not null,
    recovered_vnd       bigint not null default 0,
    recovered_land_m2   bigint not null default 0,
    disciplined_count   integer not null default 0,
    done_on             date,
    done_note           text
);
create index recommendation_open_due on recommendation (due_on) where done_on is null;

create table recovery_payment (
    id                 uuid primary key,
    recommendation_id  uuid not null references recommendation (id),
    reference          text not null,
    amount_vnd         bigint not null check (amount_vnd >= 0),
    land_m2            bigint not null check (land_m2 >= 0),
    paid_on            date not null,
    recorded_by        text not null,
    unique (recommendation_id, reference)
);

create table investigation_transfer (
    id               uuid primary key,
    inspection_id    uuid not null references conclusion (inspection_id),
    matter           text not null,
    to_body          text not null,
    transferred_on   date not null,
    acknowledged_on  date,
    accepted         boolean
);

-- Seeded reference data ------------------------------------------------------------------------------------------
insert into inspection_body (code, name, level, province_code) values
    ('TTCP', 'Government Inspectorate', 'CENTRAL', null),
    ('TT-BXD', 'Ministry of Construction Inspectorate', 'SECTOR', null),
    ('TT-BTC', 'Ministry of Finance Inspectorate', 'SECTOR', null),
    ('TTT-HN', 'Ha Noi Provincial Inspectorate', 'PROVINCIAL', 'VN-HN'),
    ('TTH-HN-BD', 'Ba Dinh District Inspectorate', 'DISTRICT', 'VN-HN'),
    ('TTT-SG', 'Ho Chi Minh City Inspectorate', 'PROVINCIAL', 'VN-SG'),
    ('TTT-BN', 'Bac Ninh Provincial Inspectorate', 'PROVINCIAL', 'VN-56'),
    ('TTH-BN-TS', 'Tu Son District Inspectorate', 'DISTRICT', 'VN-56'),
    ('TTT-48', 'Da Nang City Inspectorate', 'PROVINCIAL', 'VN-DN'),
    ('TTT-NB', 'Ninh Binh Provincial Inspectorate', 'PROVINCIAL', 'VN-18');

-- Law 11/2022 Art. 47 (in force 1 Jul 2023): Government Inspectorate 60 days (+30, twice if especially complex),
-- provincial and ministry inspectorates 45 (+30), district and department level 30 (+15). Re-inspection 45 / 30.
insert into duration_rule (level, re_inspection, base_days, extension_days, max_extensions, effective_from, effective_to, source) values
    ('CENTRAL',    false, 60, 30, 2, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('SECTOR',     false, 45, 30, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('PROVINCIAL', false, 45, 30, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('DISTRICT',   false, 30, 15, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('CENTRAL',    true,  45, 30, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('SECTOR',     true,  45, 30, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('PROVINCIAL', true,  30, 15, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
    ('DISTRICT',   true,  30, 15, 1, '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 47'),
-- Law 84/2025 (1 Jul 2025): district inspectorates are abolished, so no district rule applies from that date;
-- the other figures are kept pending verification of the amended text.
    ('CENTRAL',    false, 60, 30, 2, '2025-07-01', null, 'Law 84/2025 (check)'),
    ('SECTOR',     false, 45, 30, 1, '2025-07-01', null, 'Law 84/2025 (check)'),
    ('PROVINCIAL', false, 45, 30, 1, '2025-07-01', null, 'Law 84/2025 (check)'),
    ('CENTRAL',    true,  45, 30, 1, '2025-07-01', null, 'Law 84/2025 (check)'),
    ('SECTOR',     true,  45, 30, 1, '2025-07-01', null, 'Law 84/2025 (check)'),
    ('PROVINCIAL', true,  30, 15, 1, '2025-07-01', null, 'Law 84/2025 (check)');

insert into legal_parameter (name, value, effective_from, effective_to, source) values
    ('CONCLUSION_PUBLICATION_MIN_DAYS', 15, '2023-07-01', null, 'Law 11/2022 Art. 79; Decree 43/2023'),
    ('ENTERPRISE_INSPECTIONS_PER_YEAR', 1, '2023-07-01', null, 'Law 11/2022 Art. 3; Directive 20/CT-TTg');
