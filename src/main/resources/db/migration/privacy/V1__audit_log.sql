-- The audit log: who did what to whose account, when, from where. Append-only.
create schema if not exists privacy;

create table privacy.audit_event
(
    id             uuid primary key,
    occurred_at    timestamptz not null,
    action         text        not null,
    actor_id       uuid,
    subject_id     uuid,
    client_address text,
    details        jsonb       not null default '{}'
);
create index audit_event_time_idx on privacy.audit_event (occurred_at desc);
create index audit_event_subject_idx on privacy.audit_event (subject_id, occurred_at desc);
