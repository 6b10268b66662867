-- Points per employee, day (in fyrtarn.timezone) and action, kept with every ledger row: a daily cap reads one row
-- instead of summing the day's ledger (thousands of rows for a link that spreads: each click is checked).
create table daily_points (
    employee_id  uuid         not null,
    day          date         not null,
    action       varchar(20)  not null,
    points       integer      not null,
    primary key (employee_id, day, action)
);
insert into daily_points (employee_id, day, action, points)
select employee_id, (at at time zone '${timezone}')::date, action, sum(points)
from points_ledger group by 1, 2, 3;
