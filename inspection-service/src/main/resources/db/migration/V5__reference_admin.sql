-- Reference data kept by platform admins through /api/v1/reference: every change is recorded with who made it, when,
-- why and what it changed, and published on inspectorate.reference.v1 for the services holding a copy.
create table reference_change (
    id          uuid primary key,
    kind        text not null,
    subject     text not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    reason      text not null,
    details     jsonb not null
);
create index reference_change_recent on reference_change (changed_at desc, id);

-- A body's version counts its changes (the events' aggregate version).
alter table inspection_body add column version bigint not null default 1;

-- A body's names over time: a rename takes effect from a date, and earlier dates keep the earlier name.
create table inspection_body_name (
    body_code   text not null references inspection_body (code),
    valid_from  date not null,
    name        text not null,
    primary key (body_code, valid_from)
);
insert into inspection_body_name (body_code, valid_from, name) select code, valid_from, name from inspection_body;

-- The master copy of the public calendar: the days that differ from the ordinary week (Monday to Friday worked).
create table public_calendar_year (
    year        integer primary key,
    source      text not null,
    decided     boolean not null,
    version     bigint not null default 1,
    loaded_at   timestamptz not null default now()
);

create table public_calendar_day (
    day         date primary key,
    year        integer not null generated always as (extract(year from day)::integer) stored,
    kind        text not null check (kind in ('DAY_OFF', 'WORKING_DAY')),
    occasion    text not null,
    decided     boolean not null,
    source      text not null
);
