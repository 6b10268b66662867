-- A topic or a campaign is one whatever spaces it is written with (session 51), as V14 made a team's name: a post's
-- topic "employer  branding", or "employer branding" with a no-break space pasted from a document, was a second topic
-- beside "employer branding" in the feed's bar, which the filter and a challenge for it missed, and a campaign so
-- written another utm_campaign. Each is now stored with every run of spaces, tabs, line breaks and no-break spaces as
-- one space and none around them (infra.Spaces in Post.topicKey and Post.campaignKey). Links already made keep the
-- utm_campaign they were made with.
create function pg_temp.collapsed(text) returns text language sql immutable as $$
    select btrim(regexp_replace($1, '[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g'))
$$;

-- Posts keep their topics in their order, the first of two that are now one, as in V12; one that was only spaces
-- (and "#") goes.
update post p
   set topics = coalesce((select jsonb_agg(key order by first)
                            from (select key, min(n) as first
                                    from (select nullif(btrim(ltrim(pg_temp.collapsed(t), '#')), '') as key, n
                                            from jsonb_array_elements_text(p.topics) with ordinality as e(t, n)) keys
                                   where key is not null
                                   group by key) firsts), '[]'::jsonb)
 where exists (select 1 from jsonb_array_elements_text(p.topics) as e(t) where t <> pg_temp.collapsed(t));

update post set campaign = nullif(pg_temp.collapsed(campaign), '') where campaign <> pg_temp.collapsed(campaign);

-- A challenge's topic and campaign likewise, but one that would be left empty stays: as none it would count every
-- share.
update challenge
   set topic = btrim(ltrim(pg_temp.collapsed(topic), '#'))
 where topic <> pg_temp.collapsed(topic) and btrim(ltrim(pg_temp.collapsed(topic), '#')) <> '';

update challenge
   set campaign = pg_temp.collapsed(campaign)
 where campaign <> pg_temp.collapsed(campaign) and pg_temp.collapsed(campaign) <> '';
drop function pg_temp.collapsed(text);
