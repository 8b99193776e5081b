-- Spring Modulith's event publication registry (the transactional outbox), in its own schema.
-- Structure of spring-modulith-events-jdbc 2.1 (schemas/v2/schema-postgresql.sql).
create schema if not exists modulith;

create table if not exists modulith.event_publication
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);

create index if not exists event_publication_serialized_event_hash_idx
    on modulith.event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx
    on modulith.event_publication (completion_date);
