-- Test-only tables for the library's own tests.
create table if not exists test_probe (
    id         uuid primary key,
    name       text not null,
    created_at timestamptz not null default now()
);
create table if not exists test_inbox_effect (
    id         bigserial primary key,
    consumer   text not null,
    event_id   text not null,
    created_at timestamptz not null default now()
);
-- A service's copy of the public calendar, for ReferenceChangeListenerTest.
create table if not exists test_calendar_day (
    day        date primary key,
    occasion   text not null,
    kind       text not null
);
create table if not exists public_calendar_version (
    year       integer primary key,
    version    bigint not null
);
