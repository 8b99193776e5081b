-- The catalog module's schema: courses, their units and skills graph, lessons, and items with
-- every version kept. Ids are UUID version 5 derived from the course key and the element's key
-- (docs/content-packs.md), so a re-imported pack lands on the same rows.
create schema if not exists catalog;

create table catalog.course
(
    id           uuid primary key,
    key          text        not null unique,
    title        text        not null,
    subject      text        not null,
    language     text        not null,
    description  text        not null,
    source       text        not null,
    licence      text        not null,
    pack_version integer     not null,
    updated_at   timestamptz not null
);

create table catalog.unit
(
    id        uuid primary key,
    course_id uuid    not null references catalog.course (id) on delete cascade,
    key       text    not null,
    title     text    not null,
    position  integer not null,
    unique (course_id, key)
);

create table catalog.skill
(
    id          uuid primary key,
    course_id   uuid    not null references catalog.course (id) on delete cascade,
    unit_id     uuid    not null references catalog.unit (id) on delete cascade,
    key         text    not null,
    name        text    not null,
    description text    not null,
    position    integer not null,
    unique (course_id, key)
);

-- The prerequisite graph; the import refuses cycles before anything is written.
create table catalog.skill_prerequisite
(
    skill_id        uuid    not null references catalog.skill (id) on delete cascade,
    prerequisite_id uuid    not null references catalog.skill (id) on delete cascade,
    position        integer not null,
    primary key (skill_id, prerequisite_id)
);

create table catalog.lesson
(
    id        uuid primary key,
    course_id uuid    not null references catalog.course (id) on delete cascade,
    skill_id  uuid    not null references catalog.skill (id) on delete cascade,
    key       text    not null,
    title     text    not null,
    body      text    not null,
    video     text,
    article   text,
    pdf       text,
    position  integer not null,
    unique (course_id, key)
);

-- An item and its current version. status: DRAFT, PUBLISHED or RETIRED. The columns are what is
-- queried (course, type, status, version); everything type-specific is in the version's body.
create table catalog.item
(
    id         uuid primary key,
    course_id  uuid        not null references catalog.course (id) on delete cascade,
    key        text        not null,
    type       text        not null,
    status     text        not null,
    version    integer     not null,
    updated_at timestamptz not null,
    unique (course_id, key)
);
create index item_course_type_idx on catalog.item (course_id, type, status);

-- Every version of every item. A published version never changes: an edit adds version n + 1.
-- body is the item in the content-pack format (docs/content-packs.md, "items/*.yaml") as JSON.
create table catalog.item_version
(
    item_id    uuid        not null references catalog.item (id) on delete cascade,
    version    integer     not null,
    type       text        not null,
    body       jsonb       not null,
    difficulty double precision,
    language   text        not null,
    created_at timestamptz not null,
    primary key (item_id, version)
);

-- The skills of each item's current version, for "items of these skills".
create table catalog.item_skill
(
    item_id  uuid    not null references catalog.item (id) on delete cascade,
    skill_id uuid    not null references catalog.skill (id) on delete cascade,
    position integer not null,
    primary key (item_id, skill_id)
);
create index item_skill_skill_idx on catalog.item_skill (skill_id);

-- Instances handed out from templates, so that an instance id can be read back later.
create table catalog.template_instance
(
    instance_id uuid primary key,
    template_id uuid   not null references catalog.item (id) on delete cascade,
    seed        bigint not null
);
