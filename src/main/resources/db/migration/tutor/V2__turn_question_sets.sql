-- A tutor turn that offered a question set keeps the ids of its items (template instances
-- included, which the catalog answers by id), so that the tutor page shows the set and its
-- "Start quiz" button again after a reload, as it did when the reply streamed in.
alter table tutor.turns
    add column quiz_item_ids uuid[] not null default '{}';
