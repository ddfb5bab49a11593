-- Akimat codes escalation published before contracts' BodyCode take its one form (district:akimat:<KATO>).
update appeal_escalation set to_body_code = regexp_replace(to_body_code, '^(district|region)-akimat:', '\1:akimat:')
where to_body_code ~ '^(district|region)-akimat:';
update appeal_escalation set from_body_code = regexp_replace(from_body_code, '^(district|region)-akimat:', '\1:akimat:')
where from_body_code ~ '^(district|region)-akimat:';
update appeal set body_code = regexp_replace(body_code, '^(district|region)-akimat:', '\1:akimat:')
where body_code ~ '^(district|region)-akimat:';
update appeal_answer set body_code = regexp_replace(body_code, '^(district|region)-akimat:', '\1:akimat:')
where body_code ~ '^(district|region)-akimat:';
