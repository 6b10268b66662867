-- Gamification. Points come only from events (shares, counted clicks, posts) into an append-only ledger; everything
-- else here is a read model that can be rebuilt from the ledger and the events.

-- Point rules, versioned: an event is scored by the newest version in effect at the event's time, so a change never
-- rewrites history. Version 1 holds the contract's defaults, in effect since 1970.
create table point_rules (
    version       integer      primary key,
    effective_at  timestamptz  not null,
    rules         jsonb        not null,
    changed_by    uuid,
    created_at    timestamptz  not null
);
insert into point_rules (version, effective_at, rules, changed_by, created_at) values (1, '1970-01-01T00:00:00Z',
    '{"share": {"points": 10, "dailyCap": 50}, "click": {"points": 1, "dailyCap": 100}, "suggestion": {"points": 25, "dailyCap": 75}}',
    null, now());

-- Events a consumer has applied, so a redelivery changes nothing (one row per consumer and event id).
create table consumed_event (
    consumer     varchar(40)  not null,
    event_id     uuid         not null,
    consumed_at  timestamptz  not null,
    primary key (consumer, event_id)
);

-- The ledger: one row per (source event, rule). A row with 0 points records a capped action.
create table points_ledger (
    id               uuid         primary key,
    source_event_id  uuid         not null,
    rule             varchar(60)  not null,
    action           varchar(20)  not null,
    employee_id      uuid         not null,
    points           integer      not null,
    reason           varchar(300) not null,
    at               timestamptz  not null,
    rule_version     integer,
    recorded_at      timestamptz  not null,
    unique (source_event_id, rule)
);
create index points_ledger_employee_idx on points_ledger (employee_id, at desc, id desc);

-- Per employee: running counts for badges and "last active".
create table player (
    employee_id     uuid         primary key,
    shares          integer      not null,
    clicks          integer      not null,
    last_active_at  timestamptz  not null
);

-- Weeks (Monday, in fyrtarn.timezone) in which an employee shared: streaks and leaders' active weeks.
create table activity_week (
    employee_id  uuid     not null,
    week         date     not null,
    shares       integer  not null,
    primary key (employee_id, week)
);

-- Badges, each awarded once, with the event that earned it.
create table badge (
    employee_id      uuid         not null,
    badge            varchar(30)  not null,
    source_event_id  uuid         not null,
    awarded_at       timestamptz  not null,
    primary key (employee_id, badge)
);

-- Leaders' flag per finished week, for the Lighthouse badge (four weeks running).
create table leader_week (
    leader_id  uuid         not null,
    week       date         not null,
    flag       varchar(20)  not null,
    primary key (leader_id, week)
);

-- Challenges: a time-boxed goal of N shares (of a campaign or topic, or any), with bonus points once met.
create table challenge (
    id             uuid          primary key,
    name           varchar(120)  not null,
    description    varchar(1000),
    campaign       varchar(100),
    topic          varchar(50),
    target_shares  integer       not null,
    bonus_points   integer       not null,
    starts_at      timestamptz   not null,
    ends_at        timestamptz   not null,
    created_by     uuid          not null,
    created_at     timestamptz   not null
);
create index challenge_window_idx on challenge (ends_at, starts_at);

create table challenge_progress (
    challenge_id  uuid         not null references challenge (id),
    employee_id   uuid         not null,
    shares        integer      not null,
    completed_at  timestamptz,
    primary key (challenge_id, employee_id)
);

-- Leaderboard read model, kept by the points.awarded consumer: one row per period bucket and employee.
-- period: WEEK, MONTH, QUARTER (bucket = first day, in fyrtarn.timezone) or ALL (bucket 1970-01-01).
create table leaderboard_entry (
    period       varchar(8)  not null,
    bucket       date        not null,
    employee_id  uuid        not null,
    points       bigint      not null,
    shares       integer     not null,
    clicks       integer     not null,
    creations    integer     not null,
    primary key (period, bucket, employee_id)
);
create index leaderboard_rank_idx on leaderboard_entry (period, bucket, points desc, employee_id);
