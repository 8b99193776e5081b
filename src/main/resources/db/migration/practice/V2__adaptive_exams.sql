-- An adaptive exam (computerized adaptive testing, EXAM with "adaptive": true) has no fixed plan:
-- adaptive holds its rules (maximum items, target standard error), its sections with their shares,
-- and the latest ability estimate with its standard error. Null for every other session.
alter table practice.sessions add column adaptive jsonb;
