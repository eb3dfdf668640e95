-- Transactional outbox: rows are written in the caller's transaction and published by the relay in id order.
create table if not exists platform_outbox (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    record_key     text        not null,
    event_type     text        not null,
    payload        text        not null,
    created_at     timestamptz not null default now(),
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);
create index if not exists platform_outbox_unsent on platform_outbox (id) where sent_at is null;
create index if not exists platform_outbox_sent_at on platform_outbox (sent_at) where sent_at is not null;
-- W3C trace context of the request or event that caused the row (also inside the payload's envelope)
alter table platform_outbox add column if not exists traceparent text;
