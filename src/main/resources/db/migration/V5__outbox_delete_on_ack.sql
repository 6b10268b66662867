-- The relay deletes an event once Kafka acknowledged it (the topic keeps it), instead of marking it sent and purging it
-- a week later: each event costs its row an insert and a delete, not an insert, an update (a new row version and index
-- entries) and a delete. Rows left in the table are the ones still to publish.
delete from outbox_event where sent_at is not null;
drop index outbox_due_idx;
alter table outbox_event drop column sent_at;
create index outbox_due_idx on outbox_event (next_attempt_at, created_at);
