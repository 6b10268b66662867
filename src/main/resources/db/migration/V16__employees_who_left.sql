-- Someone who left the company (session 51, DELETE /api/admin/employees/{id}): kept, since their shares, links and
-- points stay in the history, but no longer in the directory, on a leaderboard or in a team, and not signed in. An
-- import that names them again brings them back.
alter table employee add column left_at timestamptz;
create index employee_left_idx on employee (id) where left_at is not null;
