-- A submitted declaration whose assets or income rose against the previous declaration by at least the dated threshold
-- makes a supplementary declaration due (Law 36/2018 Art. 36, amended from 1 Jul 2026): the change names the
-- declaration that showed it, one per declaration (a retried submission or a correction measures the same row again).
-- The reported changes keep their natural key (declarant, kind, day); a measured one may share that day.
alter table declarant_change add column declaration_id uuid references declaration (id);
alter table declarant_change drop constraint declarant_change_declarant_id_kind_occurred_on_key;
create unique index declarant_change_reported on declarant_change (declarant_id, kind, occurred_on)
    where declaration_id is null;
create unique index declarant_change_measured on declarant_change (declaration_id) where declaration_id is not null;
