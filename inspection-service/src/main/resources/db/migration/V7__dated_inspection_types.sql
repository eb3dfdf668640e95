-- Inspection types are dated: from 1 July 2025 the Law on Inspection 84/2025/QH15 no longer distinguishes
-- administrative from specialized inspection (one kind, "inspection"; sector compliance work becomes specialized
-- checks by the managing agencies). A type is valid for a decision date (a planned item: its planned start) from
-- effective_from to effective_to, the last day.
create table inspection_type_rule (
    type            text not null,
    effective_from  date not null,
    effective_to    date,
    source          text not null,
    primary key (type, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);

insert into inspection_type_rule (type, effective_from, effective_to, source) values
    ('ADMINISTRATIVE', '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 3; ended by Law 84/2025'),
    ('SPECIALIZED',    '2023-07-01', '2025-06-30', 'Law 11/2022 Art. 3; ended by Law 84/2025'),
    ('INSPECTION',     '2025-07-01', null,         'Law 84/2025 (in force 1 July 2025)');
