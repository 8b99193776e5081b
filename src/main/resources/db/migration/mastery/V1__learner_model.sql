-- The mastery module's schema: the online learner model's state per student and per student and
-- skill, the items' calibration, the model versions and the evidence log that batch training reads.
-- Student, skill and item ids name rows of other modules without foreign keys (DESIGN.md: each
-- module owns its schema).
create schema if not exists mastery;

-- A student's global state: answers given (also the row's version: an answer's write succeeds only
-- if no other answer of the student committed since its state was read) and the Elo ability.
create table mastery.learners
(
    student_id uuid primary key,
    answers    int              not null,
    ability    double precision not null,
    last_at    timestamptz      not null
);

-- A student's state on a skill: the knowledge model's counts and decayed counts (see
-- org.studyloop.mastery.model.SkillTrace; day_* and month_* are valued at last_at), the local Elo
-- ability, the mastery and confidence after the last answer, and the FSRS-6 memory of the skill
-- (stability in days, difficulty in [1, 10]) with the next review's due time.
create table mastery.skill_states
(
    student_id    uuid             not null,
    skill_id      uuid             not null,
    answers       int              not null,
    wins          int              not null,
    local_ability double precision not null,
    fast_wins     double precision not null,
    fast_fails    double precision not null,
    slow_wins     double precision not null,
    slow_fails    double precision not null,
    day_wins      double precision not null,
    day_fails     double precision not null,
    month_wins    double precision not null,
    month_fails   double precision not null,
    mastery       double precision not null,
    confidence    double precision not null,
    last_at       timestamptz      not null,
    stability     double precision not null,
    difficulty    double precision not null,
    reviews       int              not null,
    lapses        int              not null,
    due_at        timestamptz      not null,
    primary key (student_id, skill_id)
);
-- The due queue of a student, soonest first.
create index skill_states_due_idx on mastery.skill_states (student_id, due_at);

-- An item's calibration: difficulty is the item's own term in the online model (logit scale,
-- starting from the author's prior), elo_difficulty the Elo rating the abilities are measured
-- against; answers counts the answers both learned from. Written in batches off the answer path.
create table mastery.item_params
(
    item_id        uuid primary key,
    difficulty     double precision not null,
    elo_difficulty double precision not null,
    answers        int              not null,
    updated_at     timestamptz      not null
);

-- Every fit of a model: its parameters and the metrics it was chosen on. The newest version of a
-- name serves.
create table mastery.model_versions
(
    version       int generated always as identity primary key,
    name          text        not null,
    trained_at    timestamptz not null,
    training_rows int         not null,
    metrics       jsonb       not null,
    params        jsonb       not null
);
create index model_versions_name_idx on mastery.model_versions (name, version desc);

-- One row per graded answer, as the learner model saw it: batch training reads this log, never
-- practice's tables. predicted is P(correct) the model gave before the answer.
create table mastery.evidence
(
    id              bigint generated always as identity primary key,
    student_id      uuid        not null,
    item_id         uuid        not null,
    skill_ids       uuid[]      not null,
    correct         boolean     not null,
    credit          real        not null,
    hints_used      smallint    not null,
    hints_available smallint    not null,
    elapsed_ms      int         not null,
    answered_at     timestamptz not null,
    mode            text        not null,
    predicted       real        not null,
    rating          smallint    not null
);
create index evidence_answered_idx on mastery.evidence (answered_at);
