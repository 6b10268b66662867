-- link_click keeps counted clicks only. A click that does not count (HEAD, a link-preview bot, a repeat within the
-- window) changes no figure anyone reads, so the click consumer no longer stores it: a script or bot hammering one
-- link costs no rows (it wrote one per request before), and less is kept about clients. How many clicks of each
-- kind were judged is the metric fyrtarn_clicks_judged_total{verdict}.
delete from link_click where not counted;
drop index link_click_window_idx;
drop index link_click_post_idx;
drop index link_click_share_idx;
alter table link_click drop column counted, drop column verdict, drop column method;
create index link_click_window_idx on link_click (link_code, client_hash, at);
create index link_click_post_idx on link_click (post_id);
create index link_click_share_idx on link_click (share_id);
