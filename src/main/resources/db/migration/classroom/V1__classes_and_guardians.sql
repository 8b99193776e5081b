-- The classroom module's schema: classes and their students, guardian codes and guardianships.
-- Other modules never read these tables; they ask org.studyloop.classroom.Classroom.
create schema if not exists classroom;

-- A class: one teacher, a join code the teacher hands out. course_id names a catalog course
-- without a foreign key, since each module owns its schema (DESIGN.md, "Modules").
create table classroom.classes
(
    id          uuid primary key,
    name        text        not null,
    course_id   uuid,
    teacher_id  uuid        not null,
    join_code   text        not null,
    created_at  timestamptz not null,
    archived_at timestamptz,
    version     bigint      not null
);
create unique index classes_join_code_uq on classroom.classes (join_code);
create index classes_teacher_idx on classroom.classes (teacher_id);

create table classroom.memberships
(
    class_id   uuid        not null references classroom.classes (id) on delete cascade,
    student_id uuid        not null,
    joined_at  timestamptz not null,
    primary key (class_id, student_id)
);
-- "Which classes is this student in?": the access policy asks it on every learner read.
create index memberships_student_idx on classroom.memberships (student_id);

-- Single-use codes a parent redeems to become a student's guardian. Only the SHA-256 hash is
-- kept, so a copy of the database links nobody.
create table classroom.guardian_codes
(
    code_hash  text primary key,
    student_id uuid        not null,
    created_by uuid        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    used_by    uuid
);
create index guardian_codes_student_idx on classroom.guardian_codes (student_id);

-- Guardianships keep their history: a revoked link stays as a row with revoked_at set, and a new
-- link is a new row. At most one live link per guardian and student.
create table classroom.guardianships
(
    id          uuid primary key,
    guardian_id uuid        not null,
    student_id  uuid        not null,
    linked_at   timestamptz not null,
    revoked_at  timestamptz
);
create unique index guardianships_live_uq on classroom.guardianships (guardian_id, student_id)
    where revoked_at is null;
create index guardianships_student_idx on classroom.guardianships (student_id) where revoked_at is null;
