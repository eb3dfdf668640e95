-- Rule sets added by platform admins through /api/v1/case-rule-sets: who added each, when, why and what was sent.
-- Sets are never changed nor removed once added (cases keep the version they were judged by), so a set has at most
-- one change; the sets seeded by migrations have none.
create table rule_set_change (
    id                uuid primary key,
    kind              text not null,
    rule_set_version  text not null references rule_set (version),
    changed_by        text not null,
    changed_at        timestamptz not null,
    reason            text not null,
    details           jsonb not null
);
create index rule_set_change_by_version on rule_set_change (rule_set_version, changed_at);
