-- Every transaction that changes what the metrics are computed from (facts, territorial reference) adds one to its
-- writer's row; a writer is one thread of one replica, so concurrent transactions never wait on each other's row.
-- The sum over all rows moves exactly when another commit became visible: a cached ranking is current while it
-- has not moved (RankingCache), whichever replica consumed the change.
create table facts_change (
    writer     varchar(200) primary key,
    version    bigint       not null,
    changed_at timestamptz  not null
);
