-- The public calendar holds compensatory working days (a Saturday worked) besides days off: working-day clocks count
-- them. Loaded from reference-data's public-calendar.csv (V6_1) and kept by the admins' calendar-loaded events,
-- whose version per year drops stale ones.
alter table public_holiday add column kind text not null default 'DAY_OFF' check (kind in ('DAY_OFF', 'WORKING_DAY'));

create table public_calendar_version (
    year     integer primary key,
    version  bigint not null
);
