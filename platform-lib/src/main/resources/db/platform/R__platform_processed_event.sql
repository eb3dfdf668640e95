-- Idempotent consumption: an event id is processed at most once per consumer.
create table if not exists platform_processed_event (
    consumer      text        not null,
    event_id      text        not null,
    event_type    text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
