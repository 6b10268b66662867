-- A team is one team whatever the case of its name (session 48): an import that said "sales" beside "Sales" made a
-- second team, which a post for Sales missed in its feed and which split the team's leaderboard. Teams that are now
-- one become the oldest of them, keeping its spelling; their members and posts' audiences move to it.
create temporary table team_merge on commit drop as
select id, first_value(id) over (partition by lower(name) order by created_at, id) as keep
  from team;
delete from team_merge where id = keep;

update employee e set team_id = m.keep from team_merge m where e.team_id = m.id;

insert into post_audience_team (post_id, team_id)
select a.post_id, m.keep from post_audience_team a join team_merge m on a.team_id = m.id
    on conflict do nothing;
delete from post_audience_team a using team_merge m where a.team_id = m.id;

delete from team t using team_merge m where t.id = m.id;

create unique index team_name_any_case_key on team (lower(name));
