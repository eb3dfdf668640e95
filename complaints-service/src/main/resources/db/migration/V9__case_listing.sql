-- Keyset pages of the case list in its default order (received, latest first, then id), for a province and for the
-- nation: the next page starts right after the last (received_on, id) read, found through these indexes at any depth.
create index citizen_case_listing_scope on citizen_case (province_code, received_on desc nulls last, id);
create index citizen_case_listing on citizen_case (received_on desc nulls last, id);
