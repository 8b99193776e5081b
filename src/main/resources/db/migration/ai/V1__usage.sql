-- The ai module's schema: language model usage per user, feature and UTC day, for metering, cost
-- estimates and the daily message quota. User ids name identity's accounts without a foreign key
-- (DESIGN.md: each module owns its schema). No prompt or reply text is ever stored here.
create schema if not exists ai;

-- messages: calls counted against the user's daily quota (a set of samples counts once);
-- calls: answered attempts at the endpoint; fallbacks: calls answered with the fallback instead;
-- cost: the estimate at the configured prices when the tokens were used, in the operator's currency.
create table ai.usage
(
    user_id       uuid           not null,
    day           date           not null,
    feature       text           not null,
    messages      int            not null default 0,
    calls         int            not null default 0,
    fallbacks     int            not null default 0,
    input_tokens  bigint         not null default 0,
    output_tokens bigint         not null default 0,
    cost          numeric(18, 6) not null default 0,
    primary key (user_id, day, feature)
);

-- The administrators' summary reads a range of days over all users.
create index usage_by_day on ai.usage (day, feature);
