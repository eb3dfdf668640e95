-- Reading a declarant's identity is logged like a declaration's detail: a row names either a declaration or a
-- declarant. The table stays append-only (its triggers refuse UPDATE, DELETE and TRUNCATE, not a new column).
alter table declaration_access_log alter column declaration_id drop not null;
alter table declaration_access_log add column declarant_id uuid;
alter table declaration_access_log add constraint declaration_access_log_one_record
    check (num_nonnulls(declaration_id, declarant_id) = 1);
create index declaration_access_log_declarant on declaration_access_log (declarant_id, accessed_at)
    where declarant_id is not null;
