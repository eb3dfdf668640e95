-- Indexes written with every new case that no query reads.
-- The source key is claimed in case_source_key (its primary key) before the case row is written, in the same
-- transaction, by every path that files a case: that claim is what keeps one case per key in a province, and what
-- a repeated key is answered from. The same unique index on the case only made each filing check it again.
alter table citizen_case drop constraint citizen_case_source_key;
-- The same columns in the same order as citizen_case_listing_scope; received_on is never null, so where its nulls
-- sort makes no difference to any query, and the listing's keyset pages need the "nulls last" one.
drop index citizen_case_scope_received;
-- A case has no handling body until it is accepted, and the only query on it asks for one body, never for none:
-- the cases without one need no entry.
drop index citizen_case_handling_body;
create index citizen_case_handling_body on citizen_case (handling_body_code) where handling_body_code is not null;
