-- The trace context of the transaction that recorded the event, as Debezium's outbox router reads it
-- (java.util.Properties text, e.g. "traceparent=00-…"): the relay continues that trace on the record it publishes.
alter table outbox_event add column tracingspancontext varchar(512);
