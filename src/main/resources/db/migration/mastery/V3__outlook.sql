-- The learner model's outlook: a student's course mastery once a day (the falling-mastery rule
-- compares today with about two weeks ago) and the risk last assessed, so that StudentAtRisk is
-- published once when a student's risk rises to HIGH, not on every assessment. (V3, not V2: the
-- item-calibration work in another branch may take V2.)
create table mastery.course_mastery_days
(
    student_id uuid             not null,
    day        date             not null,
    mastery    double precision not null,
    primary key (student_id, day)
);

create table mastery.risk_states
(
    student_id  uuid primary key,
    level       text        not null check (level in ('LOW', 'MEDIUM', 'HIGH')),
    reasons     text        not null,
    assessed_at timestamptz not null,
    raised_at   timestamptz
);

-- A student's answers by time (activity for the forecast) and an item's answers across students
-- (item-based collaborative filtering for recommendations).
create index evidence_student_idx on mastery.evidence (student_id, answered_at);
create index evidence_item_idx on mastery.evidence (item_id);
