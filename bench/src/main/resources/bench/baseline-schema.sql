-- The raw PostgreSQL baseline of intake: the complaints database's own tables, copied with their indexes, defaults
-- and foreign keys into a scratch schema, so pgbench writes the same rows into the same shapes as the service.
drop schema if exists bench_baseline cascade;
create schema bench_baseline;
create table bench_baseline.case_source_key (like public.case_source_key including all);
create table bench_baseline.citizen_case (like public.citizen_case including all);
alter table bench_baseline.citizen_case add foreign key (rule_set_version) references public.rule_set (version);
create table bench_baseline.case_history (like public.case_history including all);
alter table bench_baseline.case_history add foreign key (case_id) references bench_baseline.citizen_case (id);
create table bench_baseline.case_identity (like public.case_identity including all);
alter table bench_baseline.case_identity add foreign key (case_id) references bench_baseline.citizen_case (id);
create table bench_baseline.platform_outbox (like public.platform_outbox including all);
-- the service's outbox rows are pending from their insert (a trigger there; the baseline inserts them itself)
create table bench_baseline.platform_outbox_pending (like public.platform_outbox_pending including all);
