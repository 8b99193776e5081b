-- Items' IRT calibration (org.studyloop.mastery.irt): one row per item and version of the model
-- named 'irt' in mastery.model_versions, whose newest version serves computerized adaptive tests.
-- own_slope tells a 2PL item (enough answers for its own discrimination) from one that keeps the
-- slope shared by the sparse items. Items without a row start from their author's prior.
create table mastery.irt_items
(
    version        int              not null references mastery.model_versions (version) on delete cascade,
    item_id        uuid             not null,
    discrimination double precision not null,
    difficulty     double precision not null,
    answers        int              not null,
    own_slope      boolean          not null,
    primary key (version, item_id)
);
