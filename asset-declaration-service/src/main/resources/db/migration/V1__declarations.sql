-- Asset and income declarations (Anti-Corruption Law 36/2018, Decree 130/2020).

-- Dated legal numbers: a declaration is judged by the value in force on its declaration date.
create table rule_parameter (
    code           text    not null,
    effective_from date    not null,
    effective_to   date,
    value          bigint  not null,
    unit           text    not null,
    description    text    not null,
    primary key (code, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);

insert into rule_parameter (code, effective_from, effective_to, value, unit, description) values
 ('INCREASE_EXPLANATION_THRESHOLD', '2019-07-01', '2026-06-30', 300000000, 'VND',
  'Year-over-year increase of assets or income that must be explained (Law 36/2018 Art. 36)'),
 ('INCREASE_EXPLANATION_THRESHOLD', '2026-07-01', null, 1000000000, 'VND',
  'Year-over-year increase of assets or income that must be explained, from 1 Jul 2026'),
 ('MOVABLE_ITEM_THRESHOLD', '2019-07-01', '2026-06-30', 50000000, 'VND',
  'Gold, gems, cash, deposits, securities and other movable assets are declared item by item from this value'),
 ('MOVABLE_ITEM_THRESHOLD', '2026-07-01', null, 150000000, 'VND',
  'Per-item declaration threshold for movable assets, from 1 Jul 2026'),
 ('FIRST_TIME_DEADLINE_DAYS', '2019-07-01', null, 10, 'days',
  'A first-time declaration is due within this many days of taking the post'),
 ('ANNUAL_DEADLINE_MONTH', '2019-07-01', null, 12, 'month',
  'Annual and supplementary declarations are due by the end of this month of the declaration year'),
 ('ANNUAL_DEADLINE_DAY', '2019-07-01', null, 31, 'day',
  'Annual and supplementary declarations are due by this day of the deadline month'),
 ('REMINDERS_BEFORE_VIOLATION', '2019-07-01', null, 2, 'reminders',
  'Written reminders sent before failing to declare becomes a violation'),
 ('RANDOM_VERIFICATION_PERCENT', '2019-07-01', null, 10, 'percent',
  'Minimum share of an agency''s declarants selected at random for verification each year'),
 ('VERIFICATION_RISK_SCORE', '2019-07-01', null, 50, 'points',
  'Declarations with a risk score at or above this are always in the yearly verification plan'),
 ('PUBLICATION_DAYS', '2019-07-01', null, 15, 'days',
  'A published declaration stays on public view for this many days (check)');

-- Red-flag rules: id, version, weight and thresholds are data; the engine picks the version in force.
create table red_flag_rule (
    rule_id        text    not null,
    version        integer not null,
    effective_from date    not null,
    effective_to   date,
    weight         integer not null check (weight >= 0),
    params         jsonb   not null,
    description    text    not null,
    primary key (rule_id, version)
);

insert into red_flag_rule (rule_id, version, effective_from, weight, params, description) values
 ('MONETARY_OVER_INCOME', 1, '2019-07-01', 25, '{"multiple": 10}',
  'Monetary assets (cash, deposits, securities, gold) above multiple x declared income'),
 ('LIABILITIES_OVER_MEANS', 1, '2019-07-01', 20, '{"multiple": 2}',
  'Liabilities above multiple x (income + assets)'),
 ('LARGE_CASH', 1, '2019-07-01', 15, '{"maxCashVnd": 1000000000}',
  'Cash held above the amount'),
 ('GIFTS_OVER_INCOME', 1, '2019-07-01', 15, '{"percent": 75}',
  'Gifts above percent of total income'),
 ('ITEM_WITHOUT_VALUE', 1, '2019-07-01', 10, '{"maxItems": 0}',
  'More than maxItems assets declared with no value'),
 ('FOREIGN_ASSETS', 1, '2019-07-01', 10, '{"maxForeignItems": 0}',
  'More than maxForeignItems assets or accounts abroad'),
 ('HOUSE_WITHOUT_LAND', 1, '2019-07-01', 10, '{"maxHousesWithoutLand": 0}',
  'More houses than land plots beyond the allowance'),
 ('LATE_FILING', 1, '2019-07-01', 10, '{"graceDays": 0}',
  'Declared more than graceDays after the deadline'),
 ('FAMILY_HELD_ASSETS', 1, '2019-07-01', 15, '{"percent": 50}',
  'Share of assets held by family members above percent'),
 ('UNEXPLAINED_INCREASE', 1, '2019-07-01', 30, '{}',
  'Increase at or above the dated explanation threshold (rule_parameter INCREASE_EXPLANATION_THRESHOLD) without an explanation'),
 ('INCREASE_OVER_INCOME', 1, '2019-07-01', 20, '{"multiple": 1}',
  'Increase of assets since the previous declaration above multiple x declared income');

create table declarant (
    id                     uuid        primary key,
    agency_code            text        not null,
    province_code          text        not null,
    position               text        not null,
    rank                   text        not null,
    annual_required        boolean     not null,
    appointed_on           date        not null,
    -- personal identifiers: AES-GCM ciphertext; citizen_id_hash is a keyed HMAC, so duplicates are found unread
    full_name_enc          text        not null,
    citizen_id_enc         text        not null,
    address_enc            text,
    citizen_id_hash        text        not null unique,
    created_by             text        not null,
    created_at             timestamptz not null default now()
);
create index declarant_agency on declarant (agency_code);
create index declarant_province on declarant (province_code);

create table family_member (
    id               uuid  primary key,
    declarant_id     uuid  not null references declarant (id),
    relation         text  not null check (relation in ('SPOUSE', 'MINOR_CHILD')),
    full_name_enc    text  not null,
    citizen_id_enc   text
);
create index family_member_declarant on family_member (declarant_id);

create table declaration (
    id                    uuid        primary key,
    declarant_id          uuid        not null references declarant (id),
    agency_code           text        not null,
    province_code         text        not null,
    kind                  text        not null check (kind in ('FIRST_TIME', 'ANNUAL', 'SUPPLEMENTARY', 'PERSONNEL_WORK')),
    year                  integer     not null,
    declared_on           date        not null,
    status                text        not null check (status in ('DRAFT', 'SUBMITTED', 'CORRECTED', 'VERIFIED')),
    increase_explanation_enc text,
    version               bigint      not null,
    due_on                date,
    late                  boolean     not null default false,
    total_assets_vnd      bigint      not null default 0,
    total_income_vnd      bigint      not null default 0,
    total_liabilities_vnd bigint      not null default 0,
    previous_id           uuid        references declaration (id),
    asset_change_vnd      bigint      not null default 0,
    income_change_vnd     bigint      not null default 0,
    explanation_threshold_vnd bigint,
    risk_score            integer     not null default 0,
    -- the declaration version whose red-flag evaluation is current (flags of earlier versions are kept as history)
    flags_version         bigint,
    submitted_at          timestamptz,
    corrected_at          timestamptz,
    published_on          date,
    created_by            text        not null,
    created_at            timestamptz not null default now()
);
-- one annual declaration per declarant and year
create unique index declaration_one_annual on declaration (declarant_id, year) where kind = 'ANNUAL';
create index declaration_declarant on declaration (declarant_id, declared_on desc);
create index declaration_agency_year on declaration (agency_code, year);
create index declaration_province_year on declaration (province_code, year);

create table declaration_item (
    id               uuid    primary key,
    declaration_id   uuid    not null references declaration (id) on delete cascade,
    position         integer not null,
    section          text    not null,
    category         text    not null,
    owner_member_id  uuid    references family_member (id),
    acquired_on      date,
    value_vnd        bigint  check (value_vnd >= 0),
    description_enc  text,
    unique (declaration_id, position)
);
create index declaration_item_declaration on declaration_item (declaration_id);

-- change against the previous declaration, per section
create table declaration_section_change (
    declaration_id   uuid   not null references declaration (id) on delete cascade,
    section          text   not null,
    previous_vnd     bigint not null,
    current_vnd      bigint not null,
    change_vnd       bigint not null,
    primary key (declaration_id, section)
);

create table declaration_flag (
    id               bigserial primary key,
    declaration_id   uuid    not null references declaration (id) on delete cascade,
    declaration_version bigint not null,
    rule_id          text    not null,
    rule_version     integer not null,
    weight           integer not null,
    figures          jsonb   not null,
    raised_at        timestamptz not null default now(),
    foreign key (rule_id, rule_version) references red_flag_rule (rule_id, version)
);
create index declaration_flag_declaration on declaration_flag (declaration_id);

-- reminders to declarants who have not declared; after the dated number of reminders the next step is a violation
create table declaration_reminder (
    id               uuid    primary key,
    declarant_id     uuid    not null references declarant (id),
    kind             text    not null,
    year             integer not null,
    sequence         integer not null,
    outcome          text    not null check (outcome in ('REMINDER', 'VIOLATION')),
    sent_on          date    not null,
    recorded_by      text    not null,
    recorded_at      timestamptz not null default now(),
    unique (declarant_id, kind, year, sequence)
);

create table verification_plan (
    id                   uuid    primary key,
    agency_code          text    not null,
    year                 integer not null,
    seed                 bigint  not null,
    percent              integer not null,
    risk_score_threshold integer not null,
    population           integer not null,
    random_selected      integer not null,
    risk_selected        integer not null,
    created_by           text    not null,
    created_at           timestamptz not null default now(),
    unique (agency_code, year)
);

create table verification (
    id                  uuid    primary key,
    declaration_id      uuid    not null references declaration (id),
    ground              text    not null check (ground in ('RANDOM_SELECTION', 'RISK_SCORE', 'DENUNCIATION', 'REQUEST')),
    plan_id             uuid    references verification_plan (id),
    case_id             uuid,
    requested_by        text    not null,
    reason              text,
    status              text    not null check (status in ('OPEN', 'CONCLUDED')),
    conclusion          text    check (conclusion in ('HONEST', 'DISHONEST')),
    findings            text,
    unexplained_increase_vnd bigint check (unexplained_increase_vnd >= 0),
    concluded_on        date,
    created_at          timestamptz not null default now()
);
create unique index verification_one_per_case on verification (declaration_id, case_id) where case_id is not null;
create unique index verification_one_per_plan on verification (declaration_id, plan_id) where plan_id is not null;
create index verification_declaration on verification (declaration_id);

-- every read of a declaration's detail; append-only
create table declaration_access_log (
    id               bigserial   primary key,
    declaration_id   uuid        not null,
    subject          text        not null,
    role             text        not null,
    purpose          text        not null,
    accessed_at      timestamptz not null default now()
);
create index declaration_access_log_declaration on declaration_access_log (declaration_id, accessed_at);
create index declaration_access_log_subject on declaration_access_log (subject, accessed_at);

create function declaration_access_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'declaration_access_log is append-only (% refused)', tg_op;
end;
$$;
create trigger declaration_access_log_no_update before update or delete on declaration_access_log
    for each row execute function declaration_access_log_append_only();
create trigger declaration_access_log_no_truncate before truncate on declaration_access_log
    for each statement execute function declaration_access_log_append_only();
