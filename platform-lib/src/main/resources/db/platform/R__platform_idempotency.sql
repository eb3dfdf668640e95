-- Idempotency-Key: the first response to a key is kept and replayed to retries with the same body.
create table if not exists platform_idempotency (
    scope          text        not null,
    idempotency_key text       not null,
    request_hash   text        not null,
    status         integer,
    response_body  text,
    created_at     timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
create index if not exists platform_idempotency_created_at on platform_idempotency (created_at);
