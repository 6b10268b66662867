-- The feed reads published posts newest first.
create index post_feed_idx on post (published_at desc, id desc) where status = 'PUBLISHED';

-- One tracked link per (employee, post, network). target_url is the post's URL with UTM parameters, fixed when the
-- link is made: a published post's URL never changes, so the redirect is one primary-key read (and then cached).
create table tracked_link (
    code         varchar(16)   primary key,
    employee_id  uuid          not null references employee (id),
    post_id      uuid          not null references post (id),
    network      varchar(20)   not null,
    target_url   varchar(4096) not null,
    -- the share that made the link; clicks are attributed to it
    first_share_id  uuid       not null,
    created_at   timestamptz   not null,
    constraint tracked_link_owner_uq unique (employee_id, post_id, network)
);

-- Every recorded share. A retried request with the same Idempotency-Key finds its share again by (employee, key).
create table share (
    id               uuid          primary key,
    post_id          uuid          not null references post (id),
    employee_id      uuid          not null references employee (id),
    network          varchar(20)   not null,
    link_code        varchar(16)   not null references tracked_link (code),
    text             varchar(3000) not null,
    idempotency_key  varchar(100),
    request_hash     varchar(64),
    created_at       timestamptz   not null
);
create unique index share_idempotency_uq on share (employee_id, idempotency_key);
create index share_post_idx on share (post_id);
create index share_employee_post_idx on share (employee_id, post_id);

-- Clicks as the click consumer judged them (read model of fyrtarn.clicks). id = the event's ce_id, so a redelivered
-- event is ignored. client_hash is a keyed hash of address and user agent; no raw IP address is stored.
create table link_click (
    id           uuid         primary key,
    link_code    varchar(16)  not null,
    share_id     uuid,
    post_id      uuid         not null,
    employee_id  uuid         not null,
    network      varchar(20)  not null,
    at           timestamptz  not null,
    client_hash  varchar(64)  not null,
    method       varchar(10)  not null,
    user_agent   varchar(512),
    counted      boolean      not null,
    verdict      varchar(20)  not null
);
create index link_click_window_idx on link_click (link_code, client_hash, at) where counted;
create index link_click_post_idx on link_click (post_id) where counted;
create index link_click_share_idx on link_click (share_id) where counted;

-- Daily keys for client hashes. A day's key is deleted after the day, so old hashes cannot be linked to addresses.
create table client_hash_key (
    day     date   primary key,
    secret  bytea  not null
);
