-- What each ledger line was for, as data: the post and network a share or click was on, and whether the day's cap
-- cut it. The page of one's points says it in the reader's language from these; `reason` stays the English sentence
-- that points.awarded carries. A challenge's bonus names its challenge in `rule` (CHALLENGE:<id>) already.
alter table points_ledger
    add column post_id uuid,
    add column network varchar(20),
    add column capped  boolean not null default false;

-- Lines written before: the network and the cap from the reason, the post from the click or share that earned it.
update points_ledger
   set capped = reason like '% (daily cap reached)',
       network = upper(substring(reason from ' on (LinkedIn|X|Facebook)(?: \(daily cap reached\))?$'))
 where action in ('SHARE', 'CLICK');
update points_ledger l
   set post_id = c.post_id
  from link_click c
 where l.action = 'CLICK' and c.id = l.source_event_id;
update points_ledger l
   set post_id = (select s.post_id from share s
                   where s.employee_id = l.employee_id and s.network = l.network and s.created_at = l.at
                   order by s.id limit 1)
 where l.action = 'SHARE';
