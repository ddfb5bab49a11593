-- The citizen's timeline shows akimats an escalation reached under the code contracts' BodyCode gives them
-- (district:akimat:<KATO>), as the events do now, instead of the form escalation used before.
update appeal_step set body_code = regexp_replace(body_code, '^(district|region)-akimat:', '\1:akimat:')
where body_code ~ '^(district|region)-akimat:';
update appeal_progress set body_code = regexp_replace(body_code, '^(district|region)-akimat:', '\1:akimat:')
where body_code ~ '^(district|region)-akimat:';
