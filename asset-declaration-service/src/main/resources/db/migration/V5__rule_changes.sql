-- New versions of the dated rules (rule_parameter, red_flag_rule) are added by platform admins through
-- /api/v1/declaration-rules: every change is recorded with who made it, when, why and what it changed.
create table rule_change (
    id          uuid primary key,
    kind        text not null,
    subject     text not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    reason      text not null,
    details     jsonb not null
);
create index rule_change_recent on rule_change (changed_at desc, id);
create index rule_change_subject on rule_change (subject, changed_at desc);

create function rule_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rule_change is append-only (% refused)', tg_op;
end;
$$;
create trigger rule_change_no_update before update or delete on rule_change
    for each row execute function rule_change_append_only();
create trigger rule_change_no_truncate before truncate on rule_change
    for each statement execute function rule_change_append_only();

-- The legal act a parameter version comes from; the versions V1 seeded name theirs in their description.
alter table rule_parameter add column source text;
