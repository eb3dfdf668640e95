-- Administrative units with their validity, and the successor of each unit that merged away: this service's copy of
-- the shared reference data (reference-data's administrative-units.csv and administrative-unit-successions.csv),
-- loaded by the Java migration that follows; province codes are checked against the date they apply to.
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
