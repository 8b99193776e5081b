-- pgbench script: the SQL of one recorded answer, in one transaction, as the app runs it
-- (statement text copied from Receipts, Sessions, Attempts, PlainLearnerModel, LearnerTotalsStore
-- and, for a template served next, Catalog/ItemStore; checked against PostgreSQL's statement log
-- of a real answer — bench/README.md, "Answer loop"). Run by floor.sh, which prepares
-- bench_floor.clients (one real student, session, item and receipt body per pgbench client, so
-- that each client locks its own rows as each student does in the app) and passes, with -D,
-- the shares of answers that take the optional branches, measured on the same database:
--   two_skill_bp, three_skill_bp  answers whose item has >= 2 / >= 3 skills (basis points)
--   first_bp                      answers that are the first of their session (countSession)
--   template_bp                   answers after which a template's instance is served next
--   loaded=0                      (per-client lookup on the first transaction only)
-- Usage: see floor.sh. Not part of ./mvnw verify.

\if :loaded = 0
select student, session, item, skills, skill1, skill2, skill3, seen, answered, request_hash, body, template,
    1 as loaded
from bench_floor.clients where client_id = :client_id
\gset
\endif
\set key random(1, 9000000000000000000)
\set r_skill random(1, 10000)
\set r_first random(1, 10000)
\set r_template random(1, 10000)
\set seed random(1, 9000000000000000000)

BEGIN;

-- Receipts.claim
insert into practice.answer_receipts (student_id, idempotency_key, session_id, request_hash,
    created_at)
values (:student, :key, :session, :request_hash, now()) on conflict do nothing;

-- Sessions.lock
select id, student_id, mode, course_id, skill_ids, assignment_id, plan, sections::text as sections,
seen, answered_items, current_item, hints::text as hints, answers, credit, started_at, deadline,
finished_at from practice.sessions where id = :session for update;

-- Attempts.add
insert into practice.attempts (id, answered_at, session_id, student_id, item_id, item_version,
    skill_ids, outcome, score, credit, hints_used, elapsed_ms, response)
values (gen_random_uuid(), now(), :session, :student, :item, 1, :skills::uuid[], 'CORRECT', 1, 1, 0, 5000,
    '"d"'::jsonb);

-- PlainLearnerModel.record: one upsert per skill of the item
insert into practice.skill_tallies as t (student_id, skill_id, answers, credit, last_at)
values (:student, :skill1, 1, 1, now())
on conflict (student_id, skill_id) do update set answers = t.answers + 1,
    credit = t.credit + excluded.credit, last_at = greatest(t.last_at, excluded.last_at)
returning answers, credit;
\if :r_skill <= :two_skill_bp
insert into practice.skill_tallies as t (student_id, skill_id, answers, credit, last_at)
values (:student, :skill2, 1, 1, now())
on conflict (student_id, skill_id) do update set answers = t.answers + 1,
    credit = t.credit + excluded.credit, last_at = greatest(t.last_at, excluded.last_at)
returning answers, credit;
\endif
\if :r_skill <= :three_skill_bp
insert into practice.skill_tallies as t (student_id, skill_id, answers, credit, last_at)
values (:student, :skill3, 1, 1, now())
on conflict (student_id, skill_id) do update set answers = t.answers + 1,
    credit = t.credit + excluded.credit, last_at = greatest(t.last_at, excluded.last_at)
returning answers, credit;
\endif

-- LearnerTotalsStore.countAnswer
insert into practice.learner_totals as t (student_id, answers, correct, credit, streak_days,
    last_day, last_answer_at)
values (:student, 1, 1, 1, 1, current_date, now())
on conflict (student_id) do update set
    answers = t.answers + 1,
    correct = t.correct + excluded.correct,
    credit = t.credit + excluded.credit,
    streak_days = case
        when excluded.last_day = t.last_day then t.streak_days
        when excluded.last_day = t.last_day + 1 then t.streak_days + 1
        when excluded.last_day < t.last_day then t.streak_days
        else 1 end,
    last_day = greatest(t.last_day, excluded.last_day),
    last_answer_at = greatest(t.last_answer_at, excluded.last_answer_at);

-- LearnerTotalsStore.countSession, on the first answer of a session
\if :r_first <= :first_bp
update practice.learner_totals set sessions = sessions + 1 where student_id = :student;
\endif

-- Serving.next -> ItemBank.instance -> Catalog.instantiate, when the next item is a template
\if :r_template <= :template_bp
select i.id, i.course_id, i.class_id, i.key, i.status, i.version as current_version, v.version, v.type,
    v.body::text as body, c.language, c.source, c.licence,
    array(select s.skill_id from catalog.item_skill s where s.item_id = i.id order by s.position) as skills
from catalog.item i
join catalog.item_version v on v.item_id = i.id
join catalog.course c on c.id = i.course_id
 where i.id = :template and v.version = i.version;
\endif

-- Sessions.save
update practice.sessions set seen = :seen::uuid[], answered_items = :answered::uuid[],
    current_item = :item, hints = '{}'::jsonb, answers = 10, credit = 5,
    finished_at = NULL
where id = :session;

-- Receipts.complete
update practice.answer_receipts set body = :body where student_id = :student and idempotency_key = :key;

COMMIT;
