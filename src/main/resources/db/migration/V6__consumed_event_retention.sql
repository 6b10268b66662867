-- consumed_event is forgotten after fyrtarn.consumers.dedupe-retention (ConsumedEvents.forgetOld): by then no topic
-- still holds the event, so nothing can deliver it again. The index lets the hourly job find the old rows.
create index consumed_event_consumed_at_idx on consumed_event (consumed_at);
