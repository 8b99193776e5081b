-- The practice module's schema: sessions, the append-only attempts, idempotency receipts,
-- assignments and the counters of a learner's dashboard. Item, skill, course and class ids name
-- rows of other modules without foreign keys, since each module owns its schema (DESIGN.md).
create schema if not exists practice;

-- A practice session. plan holds the fixed items of a QUIZ or an EXAM (in order; sections
-- says which slice of the plan each exam section is); seen the items the student answered before
-- the session started and those served in it, so that the next-item choice avoids repeats.
create table practice.sessions
(
    id             uuid primary key,
    student_id     uuid        not null,
    mode           text        not null check (mode in ('ADAPTIVE', 'QUIZ', 'EXAM', 'REVIEW')),
    course_id      uuid,
    skill_ids      uuid[]      not null default '{}',
    assignment_id  uuid,
    plan           uuid[]      not null default '{}',
    sections       jsonb       not null default '[]',
    seen           uuid[]      not null default '{}',
    answered_items uuid[]      not null default '{}',
    current_item   uuid,
    hints          jsonb       not null default '{}',
    answers        int         not null default 0,
    credit         double precision not null default 0,
    started_at     timestamptz not null,
    deadline       timestamptz,
    finished_at    timestamptz
);
-- A student's history, newest first.
create index sessions_student_idx on practice.sessions (student_id, started_at desc);
create index sessions_assignment_idx on practice.sessions (assignment_id) where assignment_id is not null;

-- Every graded answer, never updated or deleted by the application. Partitioned by month
-- (PostgreSQL declarative range partitioning): old months can be detached and archived whole,
-- and a student's history scan touches only recent partitions. AttemptPartitions creates the
-- months ahead; the primary key must include the partition key.
create table practice.attempts
(
    id           uuid        not null,
    answered_at  timestamptz not null,
    session_id   uuid        not null,
    student_id   uuid        not null,
    item_id      uuid        not null,
    item_version int         not null,
    skill_ids    uuid[]      not null,
    outcome      text        not null,
    score        real        not null,
    credit       real        not null,
    hints_used   smallint    not null,
    elapsed_ms   int,
    response     jsonb       not null,
    primary key (id, answered_at)
) partition by range (answered_at);
create index attempts_student_idx on practice.attempts (student_id, answered_at);
create index attempts_item_idx on practice.attempts (item_id, answered_at);
create index attempts_session_idx on practice.attempts (session_id);

-- Creates the month partition holding the given instant, if missing; the scheduled job calls it
-- for the months ahead.
create or replace function practice.ensure_attempts_partition(at timestamptz) returns text
    language plpgsql as
$$
declare
    first_day date := date_trunc('month', at at time zone 'UTC')::date;
    name      text := 'attempts_' || to_char(first_day, 'YYYY_MM');
begin
    if to_regclass('practice.' || name) is null then
        execute format(
                'create table practice.%I partition of practice.attempts for values from (%L) to (%L)',
                name, (first_day::timestamp at time zone 'UTC'),
                ((first_day + interval '1 month')::timestamp at time zone 'UTC'));
    end if;
    return name;
end;
$$;

select practice.ensure_attempts_partition(now() + make_interval(months => m))
from generate_series(-1, 3) as m;

-- One row per idempotency key a student used: the first request claims the key by inserting the
-- row (a concurrent retry waits on the primary key until that transaction ends), and the answer's
-- body is stored with it, so a retry gets the same body and nothing is recorded twice.
create table practice.answer_receipts
(
    student_id      uuid        not null,
    idempotency_key text        not null,
    session_id      uuid        not null,
    request_hash    text        not null,
    body            text,
    created_at      timestamptz not null,
    primary key (student_id, idempotency_key)
);
create index answer_receipts_created_idx on practice.answer_receipts (created_at);

-- The dashboard's counters, kept in the answer's transaction. last_day is the UTC day of the
-- last answer; streak_days the run of consecutive days ending on it.
create table practice.learner_totals
(
    student_id     uuid primary key,
    answers        int              not null,
    correct        int              not null,
    credit         double precision not null,
    sessions       int              not null default 0,
    streak_days    int              not null,
    last_day       date             not null,
    last_answer_at timestamptz      not null
);

-- The plain learner model's evidence per skill (practice's stand-in until the mastery module
-- implements the LearnerModel port): answers and credit earned.
create table practice.skill_tallies
(
    student_id uuid             not null,
    skill_id   uuid             not null,
    answers    int              not null,
    credit     double precision not null,
    last_at    timestamptz      not null,
    primary key (student_id, skill_id)
);

-- A quiz a teacher set for a class: a fixed list of items and a due date.
create table practice.assignments
(
    id         uuid primary key,
    class_id   uuid        not null,
    teacher_id uuid        not null,
    title      text        not null,
    items      uuid[]      not null,
    due_at     timestamptz not null,
    created_at timestamptz not null
);
create index assignments_class_idx on practice.assignments (class_id, due_at);
