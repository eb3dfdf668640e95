-- A conclusion's recommendations and transfers are read by their inspection when payments are recorded and the
-- follow-up closes: without these, each such read scans the whole table (a back-fill writes them by the thousand).
create index recommendation_inspection on recommendation (inspection_id);
create index investigation_transfer_inspection on investigation_transfer (inspection_id);
