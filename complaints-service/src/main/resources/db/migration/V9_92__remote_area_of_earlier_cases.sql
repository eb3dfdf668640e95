-- Cases filed before the remote area followed the unit: derive it from their unit on their receipt date. Their flag
-- was set by hand and their clocks run by it, so it stays; where it differs from the derived value it is an override.
update citizen_case c
   set remote_area_derived = exists (
           select 1 from remote_area r
            where r.unit_code = c.filed_unit_code and r.valid_from <= c.received_on
              and (r.valid_to is null or r.valid_to >= c.received_on));
update citizen_case
   set remote_area_source = 'OVERRIDE',
       remote_area_reason = 'set by hand before the remote area followed the unit'
 where remote_area <> remote_area_derived;
