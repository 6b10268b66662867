-- The page of one's points shows one line per link and day for the clicks (V8's data). Grouping the ledger when the
-- page is read costs every one of the employee's lines, and every counted click makes one, also past the day's cap:
-- 250 ms for 200 000 of them. So the line is kept as it grows, in the statement that appends each click's ledger row,
-- and the page reads one page of these and of the ledger's other lines.
create table click_day (
    employee_id  uuid         not null,
    day          date         not null,
    post_id      uuid         not null,
    network      varchar(20)  not null,
    clicks       integer      not null,
    points       integer      not null,
    capped       boolean      not null,
    last_at      timestamptz  not null,
    last_id      uuid         not null,
    primary key (employee_id, day, post_id, network)
);
create index click_day_employee_idx on click_day (employee_id, last_at desc, last_id desc);
create index points_ledger_not_click_idx on points_ledger (employee_id, at desc, id desc) where action <> 'CLICK';

-- A line's id is its newest click's ledger id: with last_at, the place of the line in the page's order.
insert into click_day (employee_id, day, post_id, network, clicks, points, capped, last_at, last_id)
select employee_id, (at at time zone '${timezone}')::date, post_id, network, count(*), sum(points), bool_or(capped),
       max(at), (array_agg(id order by at desc, id desc))[1]
  from points_ledger
 where action = 'CLICK' and post_id is not null and network is not null
 group by 1, 2, 3, 4;
