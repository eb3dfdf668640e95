-- Roll-ups of daily_figure by calendar month and by calendar year, kept in the transaction that moves daily_figure
-- (same keys, the day replaced by its month or year). A period is answered from whole years, whole months and only
-- the ragged days at its edges. A roll-up row exists exactly when a daily row of its month or year exists, so
-- breakdowns list the same keys as a sum over the days would.
create table monthly_figure (
    figure         text   not null,
    month          date   not null,   -- first day of the month
    province_code  text   not null,
    body_code      text   not null,
    sector         text   not null,
    kind           text   not null,
    value          bigint not null,
    primary key (figure, month, province_code, body_code, sector, kind)
);

create table yearly_figure (
    figure         text    not null,
    year           integer not null,
    province_code  text    not null,
    body_code      text    not null,
    sector         text    not null,
    kind           text    not null,
    value          bigint  not null,
    primary key (figure, year, province_code, body_code, sector, kind)
);

insert into monthly_figure (figure, month, province_code, body_code, sector, kind, value)
select figure, date_trunc('month', day)::date, province_code, body_code, sector, kind, sum(value)
from daily_figure group by 1, 2, 3, 4, 5, 6;

insert into yearly_figure (figure, year, province_code, body_code, sector, kind, value)
select figure, extract(year from month)::integer, province_code, body_code, sector, kind, sum(value)
from monthly_figure group by 1, 2, 3, 4, 5, 6;

-- All figures of a period (summaries): index-only over the period's rows, whatever the scope filters; the same for
-- one province (or the few filed provinces of one in force).
create index monthly_figure_period on monthly_figure (month)
    include (figure, province_code, body_code, sector, kind, value);
create index yearly_figure_period on yearly_figure (year)
    include (figure, province_code, body_code, sector, kind, value);
create index monthly_figure_province on monthly_figure (province_code, month)
    include (figure, body_code, sector, kind, value);
create index yearly_figure_province on yearly_figure (province_code, year)
    include (figure, body_code, sector, kind, value);

-- The nation's totals by figure and day, kept in the same transaction: a summary or series of the whole nation without
-- a filter reads one row per figure and day of the period (any period, ragged or not).
create table national_daily_figure (
    day     date   not null,
    figure  text   not null,
    value   bigint not null,
    primary key (day, figure) include (value)
);

insert into national_daily_figure (day, figure, value)
select day, figure, sum(value) from daily_figure group by 1, 2;

-- Open cases that have a deadline, counted per unit and kind: "overdue now" is this count less the open cases whose
-- deadline is today or later (few), instead of a count over every case.
create table open_case_count (
    province_code  text   not null,
    body_code      text   not null,
    kind           text   not null,
    cases          bigint not null,
    primary key (province_code, body_code, kind)
);

insert into open_case_count (province_code, body_code, kind, cases)
select province_code, body_code, kind, count(*) from case_state where open and due_on is not null group by 1, 2, 3;

create index case_state_open_due on case_state (due_on) include (province_code, body_code, kind) where open;
