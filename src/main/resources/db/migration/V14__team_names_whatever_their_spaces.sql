-- A team is one team whatever spaces its name is written with (session 50), as V13 made it one whatever its case: an
-- import that said "Kunde  Service" or "Kunde Service " (a no-break space from a spreadsheet) beside "Kunde Service"
-- made a second team. Names are now stored with every run of spaces, tabs, line breaks and no-break spaces as one
-- space and none around them (Team.normalized); teams that are then one become the oldest of them, as in V13.
create temporary table team_name_spaced on commit drop as
select id, created_at,
       btrim(regexp_replace(name, '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g')) as name
  from team;

create temporary table team_merge on commit drop as
select id, first_value(id) over (partition by lower(name) order by created_at, id) as keep
  from team_name_spaced;
delete from team_merge where id = keep;

update employee e set team_id = m.keep from team_merge m where e.team_id = m.id;

insert into post_audience_team (post_id, team_id)
select a.post_id, m.keep from post_audience_team a join team_merge m on a.team_id = m.id
    on conflict do nothing;
delete from post_audience_team a using team_merge m where a.team_id = m.id;

delete from team t using team_merge m where t.id = m.id;

update team t set name = s.name from team_name_spaced s where s.id = t.id and t.name <> s.name;
