-- The tutor module's schema: conversations with their turns, and the tutor's memory of each
-- student (per-skill notes and a profile summary). Student, course, item, session and skill ids
-- name rows of other modules without foreign keys (DESIGN.md: each module owns its schema).
create schema if not exists tutor;

-- A conversation, optionally about a course, an item or a practice session. hint_level is the
-- highest rung of the item's hint ladder shown so far (0 for none); solution_shown whether the
-- worked solution was; checks how many "check my answer" requests were graded (limited, so that
-- checks cannot stand in for answering).
create table tutor.conversations
(
    id             uuid primary key,
    student_id     uuid        not null,
    course_id      uuid,
    item_id        uuid,
    session_id     uuid,
    title          text        not null,
    hint_level     int         not null default 0,
    solution_shown boolean     not null default false,
    checks         int         not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index conversations_student_idx on tutor.conversations (student_id, updated_at desc);

-- The messages of a conversation, in order: the student's and the tutor's. Deleting a
-- conversation deletes them with it, for good.
create table tutor.turns
(
    conversation_id uuid        not null references tutor.conversations (id) on delete cascade,
    seq             int         not null,
    speaker         text        not null check (speaker in ('STUDENT', 'TUTOR')),
    text            text        not null,
    intent          text,
    engine          text,
    hint_level      int         not null default 0,
    citations       jsonb       not null default '[]',
    created_at      timestamptz not null,
    primary key (conversation_id, seq)
);

-- What the tutor remembers of a student on a skill, across conversations: kind MISCONCEPTION (the
-- feedback of a wrong answer or check), HELPED (a rung or worked example after which a check was
-- right) or LADDER (how far up the ladder the student needed to go), with how often it was seen.
create table tutor.skill_notes
(
    student_id uuid        not null,
    skill_id   uuid        not null,
    kind       text        not null check (kind in ('MISCONCEPTION', 'HELPED', 'LADDER')),
    note       text        not null,
    seen       int         not null default 1,
    last_at    timestamptz not null,
    primary key (student_id, skill_id, kind, note)
);

-- A student's long-term profile: counters of their tutor use and a summary sentence written from
-- them and the notes, given to the language model and used by the fallback engine.
create table tutor.profiles
(
    student_id     uuid primary key,
    turns          int         not null default 0,
    hints          int         not null default 0,
    solutions      int         not null default 0,
    checks_right   int         not null default 0,
    checks_wrong   int         not null default 0,
    question_sets  int         not null default 0,
    summary        text        not null default '',
    updated_at     timestamptz not null
);
