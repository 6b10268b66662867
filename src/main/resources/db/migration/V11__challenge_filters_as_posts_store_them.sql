-- A challenge's topic and campaign as posts store theirs, which they are compared with (session 47): a topic given as
-- "Hiring" matched no post's "hiring", and a blank one ("") matched no post at all, so nobody could meet the challenge.
-- New challenges are stored so (Post.topicKey, Post.campaignKey); this brings the earlier ones in line. Shares made
-- before it are not counted again.
update challenge
   set topic    = nullif(lower(btrim(topic, E' \t\r\n')), ''),
       campaign = nullif(btrim(campaign, E' \t\r\n'), '')
 where topic is not null or campaign is not null;
