-- A topic is stored without the "#" of a hashtag (session 47, Post.topicKey): "#Kontor" and "kontor" were two topics,
-- side by side in the feed's bar as "##kontor" and "#kontor", and a filter or a challenge for one missed the other.
-- Posts keep their topics in their order, the first of two that are now one; a topic that was only "#" goes.
update post p
   set topics = coalesce((select jsonb_agg(key order by first)
                            from (select key, min(n) as first
                                    from (select nullif(btrim(ltrim(btrim(t), '#')), '') as key, n
                                            from jsonb_array_elements_text(p.topics) with ordinality as e(t, n)) keys
                                   where key is not null
                                   group by key) firsts), '[]'::jsonb)
 where exists (select 1 from jsonb_array_elements_text(p.topics) as e(t) where btrim(t) like '#%');

-- A challenge's topic likewise, but one that is only "#" stays: as none it would count every post.
update challenge
   set topic = btrim(ltrim(btrim(topic), '#'))
 where btrim(topic) like '#%' and btrim(ltrim(btrim(topic), '#')) <> '';
