-- Transactional outbox: rows are written in the caller's transaction and published by the relay in id order.
create table if not exists platform_outbox (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    record_key     text        not null,
    event_type     text        not null,
    payload        text        not null,
    created_at     timestamptz not null default now()
);
-- W3C trace context of the request or event that caused the row (also inside the payload's envelope)
alter table platform_outbox add column if not exists traceparent text;

-- What the relay has still to send: a narrow row per outbox row, deleted once the broker acknowledged it. A wide row is
-- thus written once and never updated (marking it sent rewrote the whole row with its payload, and every index entry);
-- sent rows stay in platform_outbox for the retention period.
create table if not exists platform_outbox_pending (
    id          bigint  primary key,
    attempts    integer not null default 0,
    last_error  text
);

-- Every outbox row is pending from its insert, whoever writes it: a statement's rows in one insert. The function names
-- its table in the schema it was made in, whatever the writing session's search path.
create or replace function platform_outbox_pending_on_insert() returns trigger language plpgsql
    set search_path from current as $$
begin
    insert into platform_outbox_pending (id) select id from inserted;
    return null;
end $$;
create or replace trigger platform_outbox_pending_on_insert after insert on platform_outbox
    referencing new table as inserted for each statement execute function platform_outbox_pending_on_insert();

-- An outbox that marked its rows sent in place: its unsent rows become pending, and the columns go (with their
-- indexes).
do $$
begin
    if exists (select 1 from information_schema.columns where table_schema = current_schema()
               and table_name = 'platform_outbox' and column_name = 'sent_at') then
        insert into platform_outbox_pending (id, attempts, last_error)
            select id, attempts, last_error from platform_outbox where sent_at is null
            on conflict (id) do nothing;
        alter table platform_outbox drop column sent_at, drop column attempts, drop column last_error;
    end if;
end $$;
