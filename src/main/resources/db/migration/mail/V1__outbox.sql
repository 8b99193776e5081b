-- The mail module's transactional outbox: Mailer.send inserts a PENDING row in the caller's
-- transaction; delivery after commit, or the sweep, moves it to SENT (SMTP, body erased),
-- LOGGED (no SMTP configured, body kept for a developer to read) or, after the last attempt,
-- FAILED (body erased).
create schema if not exists mail;

create table mail.outbox
(
    id              uuid                     not null,
    recipient       text                     not null,
    locale          text                     not null,
    template        text                     not null,
    subject         text                     not null,
    body            text,
    status          text                     not null,
    attempts        int                      not null default 0,
    next_attempt_at timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    last_error      text,
    primary key (id),
    constraint outbox_status_known check (status in ('PENDING', 'SENT', 'LOGGED', 'FAILED')),
    constraint outbox_recipient_length check (length(recipient) <= 254),
    -- A mail that has left, or been given up, keeps no body: it may hold a link or a token.
    -- One still to deliver, or logged for a developer to read, keeps it.
    constraint outbox_body_only_until_done check ((status in ('SENT', 'FAILED')) = (body is null))
);

-- The sweep asks for due PENDING rows, oldest first. A partial index stays as small as the
-- backlog, however many delivered rows accumulate.
create index outbox_pending_due_idx on mail.outbox (next_attempt_at) where status = 'PENDING';
