-- Directory: teams and employees. E-mails are stored lower-case; a manager is whoever employees name as such.
create table team (
    id          uuid primary key,
    name        varchar(100) not null unique,
    created_at  timestamptz  not null
);

create table employee (
    id          uuid primary key,
    email       varchar(254) not null unique,
    name        varchar(200) not null,
    team_id     uuid references team (id),
    manager_id  uuid references employee (id),
    location    varchar(100),
    language    varchar(20),
    roles       jsonb        not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index employee_team_idx on employee (team_id);
create index employee_manager_idx on employee (manager_id);

-- Posts and their review workflow.
create table post (
    id            uuid primary key,
    title         varchar(200)  not null,
    body          varchar(3000) not null,
    url           varchar(2048) not null,
    topics        jsonb         not null,
    networks      jsonb         not null,
    captions      jsonb         not null,
    campaign      varchar(100),
    publish_at    timestamptz,
    expires_at    timestamptz,
    status        varchar(20)   not null,
    author_id     uuid          not null references employee (id),
    review_note   varchar(1000),
    published_at  timestamptz,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null
);
create index post_created_idx on post (created_at desc, id desc);
create index post_status_created_idx on post (status, created_at desc, id desc);
create index post_due_publish_idx on post (publish_at) where status = 'SCHEDULED';
create index post_due_expiry_idx on post (expires_at) where status = 'PUBLISHED';

-- Empty audience = everyone.
create table post_audience_team (
    post_id  uuid not null references post (id) on delete cascade,
    team_id  uuid not null references team (id),
    primary key (post_id, team_id)
);

-- Transactional outbox: events commit with the state change; OutboxRelay publishes them to Kafka.
create table outbox_event (
    id               uuid primary key,
    topic            varchar(100)  not null,
    event_key        varchar(100)  not null,
    type             varchar(100)  not null,
    payload          jsonb         not null,
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    attempts         integer       not null,
    next_attempt_at  timestamptz   not null,
    last_error       varchar(1000)
);
create index outbox_due_idx on outbox_event (next_attempt_at, created_at) where sent_at is null;
