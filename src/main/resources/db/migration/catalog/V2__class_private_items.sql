-- Items private to a class: written by the class's teacher (or an author), seen only by the class's
-- teacher and students, authors and administrators. Null for the public items of the catalog.
-- class_id is the classroom module's class id; no foreign key, as modules own their own schemas.
alter table catalog.item add column class_id uuid;
create index item_class_idx on catalog.item (class_id) where class_id is not null;
