-- Cases loaded as history (a back-fill): reports count them under their real dates; the overdue scan, the denouncer
-- notices and partner webhooks ignore them, and their events carry the attribute backfilled: true.
alter table citizen_case add column backfilled boolean not null default false;
