-- Decision numbers restart every year in a body's register: the same number in another year is another decision.
alter table inspection add column decision_year integer generated always as (extract(year from decision_date)) stored;
alter table inspection drop constraint inspection_body_code_decision_number_key;
alter table inspection add constraint inspection_decision_key unique (body_code, decision_year, decision_number);
