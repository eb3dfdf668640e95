-- What the provincial system filed, kept apart from what classification may change, so that a retry of the filing is
-- still recognised as the same case after the case was reclassified (earlier cases: their values at this migration).
alter table citizen_case add column filed_instance integer;
alter table citizen_case add column filed_respondent_declarant_id uuid;
update citizen_case set filed_instance = instance, filed_respondent_declarant_id = respondent_declarant_id;
alter table citizen_case alter column filed_instance set not null;
