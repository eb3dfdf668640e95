-- A declarant is registered by an agency: (agency, citizen id) is the natural key, so an agency's registration never
-- learns whether the person is registered with another agency.
alter table declarant drop constraint declarant_citizen_id_hash_key;
alter table declarant add constraint declarant_agency_citizen_key unique (agency_code, citizen_id_hash);
