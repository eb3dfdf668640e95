-- Changes in a declarant's situation that can make a supplementary declaration due (Law 36/2018 Art. 36 §2, amended
-- from 1 Jul 2026): a job change, or assets or income up by at least the dated threshold in the year. Due by the year's
-- deadline unless the declarant files an annual declaration anyway. (declarant, kind, day) is the natural key.
create table declarant_change (
    id             uuid        primary key,
    declarant_id   uuid        not null references declarant (id),
    kind           text        not null check (kind in ('JOB_CHANGE', 'ASSET_INCREASE')),
    occurred_on    date        not null,
    increase_vnd   bigint      check (increase_vnd >= 0),
    position       text,
    threshold_vnd  bigint,
    due_on         date,
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now(),
    unique (declarant_id, kind, occurred_on),
    check ((kind = 'ASSET_INCREASE') = (increase_vnd is not null)),
    check ((kind = 'JOB_CHANGE') = (position is not null))
);
create index declarant_change_due on declarant_change (due_on) where due_on is not null;
