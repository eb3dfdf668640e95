-- Rate-limit token buckets shared by every gateway instance (Bucket4j's PostgreSQL backend, row locks). A row is a
-- client's bucket state; expires_at (epoch millis) is when it would be full again, after which it can be deleted.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);
