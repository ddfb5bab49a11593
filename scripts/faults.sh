# shellcheck shell=bash
# `./appeals faults kafka-stop|kafka-start|pg-stop|pg-start`: the fault-injection tests (system-tests
# FaultInjectionIT) stop and start the test instance's real broker and database under load, on the same ports and
# data. Sourced by ./appeals after common.sh, postgres.sh and kafka.sh.
#
# No lock is taken: these run inside the `./appeals test` or `./appeals faults` run that holds .run/test.lock (a
# second flock from a child of that run would wait for its own parent).

faults_act() {
  use_instance test
  case "${1:-}" in
    # SIGTERM, the broker's controlled shutdown; the KRaft log and the topics stay in .run/test/kafka/data.
    kafka-stop) kafka_stop ;;
    kafka-start) kafka_start ;;
    # Immediate: every backend killed, no shutdown checkpoint, crash recovery from the WAL on the next start — what a
    # lost database host does to the services' open transactions and pooled connections.
    pg-stop) pg_stop immediate ;;
    pg-start) pg_start ;;
    *) die "usage: ./appeals faults kafka-stop|kafka-start|pg-stop|pg-start" ;;
  esac
}

faults_is_action() {
  case "${1:-}" in
    kafka-stop | kafka-start | pg-stop | pg-start) return 0 ;;
    *) return 1 ;;
  esac
}
