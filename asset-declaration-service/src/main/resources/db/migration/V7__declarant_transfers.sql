-- A person registered by an agency while another agency holds them: the new registration is the new agency's own
-- (its answer tells nothing of the other), and the move of the person between the agencies is a transfer that a
-- central controller confirms, recorded here with who confirmed it and when.
create table declarant_transfer (
    id                 uuid        primary key,
    from_declarant_id  uuid        not null references declarant (id),
    to_declarant_id    uuid        not null references declarant (id),
    state              text        not null check (state in ('PENDING', 'CONFIRMED')),
    detected_at        timestamptz not null default now(),
    transferred_on     date,
    confirmed_by       text,
    confirmed_at       timestamptz,
    unique (from_declarant_id, to_declarant_id),
    check ((state = 'CONFIRMED') = (confirmed_by is not null and confirmed_at is not null and transferred_on is not null))
);
create index declarant_transfer_state on declarant_transfer (state, detected_at);
create index declarant_transfer_to on declarant_transfer (to_declarant_id);
