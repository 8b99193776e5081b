-- PDF files that lessons attach, kept with the lesson they belong to (docs/content-packs.md).
create table catalog.lesson_attachment
(
    lesson_id uuid primary key references catalog.lesson (id) on delete cascade,
    path      text  not null,
    sha256    text  not null,
    content   bytea not null
);
