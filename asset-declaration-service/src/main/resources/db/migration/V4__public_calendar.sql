-- The public calendar: the days that differ from the ordinary week (Monday to Friday worked). A declaration deadline
-- whose last day is a day off ends on the next working day. Loaded from reference-data's public-calendar.csv (V4_1)
-- and kept by the admins' calendar-loaded events, whose version per year drops stale ones.
create table public_calendar_day (
    day       date primary key,
    kind      text not null check (kind in ('DAY_OFF', 'WORKING_DAY')),
    occasion  text not null
);

create table public_calendar_version (
    year     integer primary key,
    version  bigint not null
);
