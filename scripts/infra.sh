# shellcheck shell=bash
# `./appeals infra up|down|status`: PostgreSQL and Kafka of one instance, together.
# Sourced by ./appeals after common.sh, postgres.sh and kafka.sh.

infra_up() {
  use_instance "$1"
  local started
  started=$(date +%s.%N)
  if [[ $INSTANCE == test ]]; then
    lock_test_instance
    infra_wipe_test
  fi
  pg_start
  pg_init_schema
  kafka_start
  kafka_create_topics
  info "infrastructure ($INSTANCE) up in $(seconds_since "$started") s: postgres 127.0.0.1:$PG_PORT, kafka 127.0.0.1:$KAFKA_PORT"
}

# Every test run starts from an empty database and an empty broker, so that no run depends on leftovers
# of the one before. Logs of the previous run go too; `infra down --test` alone keeps them for inspection.
infra_wipe_test() {
  [[ $STATE == "$(test_state_dir)" ]] || die "refusing to wipe $STATE"
  infra_down_current || die "the previous test instance did not stop; not wiping it"
  rm -rf "$STATE"
  info "test instance wiped"
}

infra_down() {
  use_instance "$1"
  [[ $INSTANCE == test ]] && lock_test_instance
  infra_down_current || die "infrastructure ($INSTANCE) did not stop cleanly"
}

infra_down_current() {
  local failed=0
  kafka_stop || failed=1
  pg_stop || failed=1
  return "$failed"
}

# Exit status 0 only when both servers run.
infra_status() {
  use_instance "$1"
  local failed=0
  printf '%s infrastructure (%s)\n' "$INSTANCE" "${STATE#"$ROOT/"}"
  pg_status_line || failed=1
  kafka_status_line || failed=1
  return "$failed"
}
