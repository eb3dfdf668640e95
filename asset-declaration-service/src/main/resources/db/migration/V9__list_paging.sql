-- Keyset pages of the declaration and declarant lists: each order ends in the id, so the next page starts right after
-- the last row read, found through these indexes at any depth.
create index declaration_listing on declaration (declared_on desc, id);
create index declarant_listing on declarant (agency_code, id);
