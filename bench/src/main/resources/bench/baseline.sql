-- One case as the service files it, in one transaction: the claimed source key, the case, its history entry, its
-- encrypted identity, and two outbox rows (case.received and the public status change), each pending for the relay.
\set n random(1, 9000000000000000)
BEGIN;
INSERT INTO bench_baseline.case_source_key (province_code, source_system, source_reference, case_id)
  VALUES ('VN-HN', 'pgbench', 'pg-' || :client_id || '-' || :n, md5('case-' || :client_id || '-' || :n)::uuid)
  ON CONFLICT DO NOTHING;
INSERT INTO bench_baseline.citizen_case (id, version, province_code, filed_unit_code, source_system, source_reference,
  receiving_body_code, channel, declared_kind, kind, instance, filed_instance, complex, remote_area, information_only, status, subject,
  received_on, signed, affects_complainant, decided_at_second_instance, anonymous, complainant_count,
  representative_count, mass, rule_set_version, acceptance_due_on, current_due_on)
  VALUES (md5('case-' || :client_id || '-' || :n)::uuid, 1, 'VN-HN', 'VN-HN', 'pgbench', 'pg-' || :client_id || '-' || :n,
  'HN-INSPECTORATE', 'LETTER', 'COMPLAINT', 'COMPLAINT', 1, 1, false, false, false, 'RECEIVED',
  'Compensation for recovered land, plot pg-' || :n, current_date - 3, true, true, false, false, 1, 0, false, '2012.1',
  current_date + 7, current_date + 7);
INSERT INTO bench_baseline.case_history (case_id, actor, command, from_status, to_status, detail)
  VALUES (md5('case-' || :client_id || '-' || :n)::uuid, 'province-hn', 'receive', null, 'RECEIVED',
  '{"sourceSystem":"pgbench","sourceReference":"pg-' || :n || '"}');
INSERT INTO bench_baseline.case_identity (case_id, key_id, ciphertext, identity_hash)
  VALUES (md5('case-' || :client_id || '-' || :n)::uuid, 'k1', decode(md5('id-' || :n) || md5('nm-' || :n) || md5('ad-' || :n), 'hex'),
  md5('hash-' || :n));
INSERT INTO bench_baseline.platform_outbox (event_id, topic, record_key, event_type, payload)
  VALUES (md5('evt-' || :client_id || '-' || :n)::uuid, 'inspectorate.cases.v1', md5('case-' || :client_id || '-' || :n),
  'case.received', '{"eventId":"' || md5('evt-' || :n) || '","eventType":"case.received","occurredAt":"2026-01-01T00:00:00Z","data":{"caseId":"' || md5('case-' || :n) || '","version":1,"provinceCode":"VN-HN","receivingBodyCode":"HN-INSPECTORATE","channel":"LETTER","sourceSystem":"pgbench","sourceReference":"pg-' || :n || '","receivedOn":"2026-01-01","complainantCount":1,"mass":false,"anonymous":false}}');
INSERT INTO bench_baseline.platform_outbox_pending (id) VALUES (lastval());
INSERT INTO bench_baseline.platform_outbox (event_id, topic, record_key, event_type, payload)
  VALUES (md5('pub-' || :client_id || '-' || :n)::uuid, 'inspectorate.public.v1', md5('case-' || :client_id || '-' || :n),
  'case-status-changed', '{"eventId":"' || md5('pub-' || :n) || '","eventType":"case-status-changed","occurredAt":"2026-01-01T00:00:00Z","data":{"caseId":"' || md5('case-' || :n) || '","provinceCode":"VN-HN","kind":"COMPLAINT","status":"RECEIVED"}}');
INSERT INTO bench_baseline.platform_outbox_pending (id) VALUES (lastval());
END;
