-- Keyset pages of the inspection list, in the order inspections were opened: the next page starts right after the
-- last (opened_on, id) read, found through this index at any depth.
create index inspection_listing on inspection (opened_on, id);
-- the same for the plans (by year, body) and the overdue recommendations (by due date)
create index inspection_plan_listing on inspection_plan (plan_year, body_code, id);
create index recommendation_overdue_listing on recommendation (due_on, id) where done_on is null;
