-- Every routing decision looks up the open appeals about the same category in the same settlement (or near the
-- same point) to group them into one issue. Ordered by decision time in the index, the earliest one is the first
-- entry read, not a sort of every open appeal of a busy settlement; and only appeals already in an issue qualify.
drop index routed_appeal_related_settlement;
create index routed_appeal_related_settlement on routed_appeal (category_code, settlement_kato, decided_at)
    where open and issue_id is not null;
drop index routed_appeal_related_point;
create index routed_appeal_related_point on routed_appeal (category_code, latitude, longitude)
    where open and issue_id is not null;
