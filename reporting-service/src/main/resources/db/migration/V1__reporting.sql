-- Read models of the reporting service. Everything here is derived from the platform's events and can be rebuilt
-- from the topics, except reference data (units, statistical calendars) and published report snapshots.

-- Every event of an aggregate, once (natural key: aggregate, version, type). An aggregate's current state is the
-- fold of its events in version order, so events arriving out of order or twice give the same state.
create table aggregate_event (
    aggregate_id   uuid        not null,
    version        bigint      not null,
    event_type     text        not null,
    event_id       text        not null,
    topic          text        not null,
    payload        jsonb       not null,
    primary key (aggregate_id, version, event_type)
);

-- What one record (case, inspection, declaration) adds to each figure: the drill-down from a figure to its records,
-- and the base against which a changed record's new contributions are diffed.
create table figure_contribution (
    record_id      uuid   not null,
    figure         text   not null,
    province_code  text   not null,
    body_code      text   not null,
    sector         text   not null,
    kind           text   not null,
    day            date   not null,
    value          bigint not null,
    primary key (record_id, figure, province_code, body_code, sector, kind, day)
);
create index figure_contribution_drill on figure_contribution (figure, day, province_code, record_id);

-- Pre-aggregated figures by day: any period is a range sum.
create table daily_figure (
    figure         text   not null,
    day            date   not null,
    province_code  text   not null,
    body_code      text   not null,
    sector         text   not null,
    kind           text   not null,
    value          bigint not null,
    primary key (figure, day, province_code, body_code, sector, kind)
);
-- nation-wide and per-province range sums read these indexes only
create index daily_figure_day on daily_figure (day) include (figure, value);
create index daily_figure_province on daily_figure (province_code, day) include (figure, value);

-- Current state per case, for figures "as of now" (overdue now, on the watchlist now).
create table case_state (
    case_id            uuid primary key,
    province_code      text    not null,
    body_code          text    not null,
    kind               text    not null,
    due_on             date,
    open               boolean not null,
    overdue            boolean not null,
    on_watchlist       boolean not null
);
create index case_state_overdue on case_state (province_code, due_on) where open;
create index case_state_watchlist on case_state (province_code) where on_watchlist;

-- The next offset to read on each topic partition: what the projections reflect.
create table consumer_position (
    topic        text    not null,
    partition    integer not null,
    next_offset  bigint  not null,
    primary key (topic, partition)
);

create table projection_rebuild (
    id               uuid primary key,
    requested_by     text        not null,
    requested_at     timestamptz not null default now(),
    finished_at      timestamptz,
    state            text        not null,   -- RUNNING, DONE, FAILED
    total_records    bigint      not null default 0,
    replayed_records bigint      not null default 0,
    poison_records   bigint      not null default 0,
    error            text
);
create unique index projection_rebuild_one_running on projection_rebuild ((true)) where state = 'RUNNING';

-- Published reports: frozen figures with the consumer positions they reflect, and the revisions of earlier reports.
create table report_snapshot (
    id              uuid primary key,
    report_id       uuid        not null,
    period_kind     text        not null,
    calendar        text        not null,
    period_key      text        not null,
    period_start    date        not null,
    period_end      date        not null,
    scope           text        not null,
    scope_code      text        not null,
    figures         jsonb       not null,
    revisions       jsonb       not null,
    offsets         jsonb       not null,
    published_at    timestamptz not null,
    published_by    text        not null,
    constraint report_snapshot_period unique (calendar, period_key, scope, scope_code)
);
create index report_snapshot_published on report_snapshot (calendar, scope, scope_code, published_at);

-- Statistical calendars as dated data: a period of a calendar runs from its start day of the month before to the day
-- before the start day ("15th to 14th" in the inspectorate sector); start day 1 is the plain calendar month.
create table statistical_calendar (
    calendar         text    not null,
    effective_from   date    not null,
    period_start_day integer not null check (period_start_day between 1 and 28),
    legal_basis      text    not null,
    primary key (calendar, effective_from)
);

-- Administrative units and the 1 July 2025 merger (the complaints service keeps its own copy of the same data).
create table administrative_unit (
    code        text not null,
    name        text not null,
    valid_from  date not null,
    valid_to    date,
    primary key (code, valid_from)
);

create table administrative_unit_succession (
    old_code     text not null,
    new_code     text not null,
    effective_on date not null,
    legal_basis  text not null,
    primary key (old_code, effective_on)
);
