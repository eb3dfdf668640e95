-- Records loaded as history (a back-fill): reports count them under their real dates, live operations (overrun flags,
-- overdue follow-ups, partner webhooks) ignore them, and their events carry the attribute backfilled: true.
alter table inspection add column backfilled boolean not null default false;
alter table inspection_plan add column backfilled boolean not null default false;
