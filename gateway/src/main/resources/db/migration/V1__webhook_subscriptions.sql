-- Partner webhook subscriptions and their deliveries. A delivery row is the persistent retry schedule: a restart
-- loses nothing, and the next attempt time is in the row.
create table webhook_subscription (
    id                   uuid primary key,
    owner                text        not null,
    callback_url         text        not null,
    event_types          text[]      not null,
    provinces            text[]      not null default '{}',
    secret_ciphertext    text        not null,
    status               text        not null check (status in ('ACTIVE', 'PAUSED')),
    paused_reason        text,
    consecutive_failures int         not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    unique (owner, callback_url)
);
create index webhook_subscription_active on webhook_subscription (status);

create table webhook_delivery (
    id               bigserial primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         text        not null,
    event_type       text        not null,
    aggregate_id     text        not null,
    body             text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz not null,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
-- due deliveries, and the order check (an earlier pending delivery of the same aggregate holds later ones back)
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_aggregate on webhook_delivery (subscription_id, aggregate_id, id) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, id desc);

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  bigint      not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
