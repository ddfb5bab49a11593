# shellcheck shell=bash
# Shared helpers for ./appeals: output, instance layout, process and port checks.
# Sourced, never executed; relies on the caller's `set -euo pipefail` and on ROOT (the repository root).

# APPEALS_RUN_DIR moves the instances' state elsewhere (e.g. the README's walk-through test starts from an empty
# one); the downloaded tools stay in the checkout's .run/tools.
RUN_DIR="${APPEALS_RUN_DIR:-$ROOT/.run}"
TOOLS_DIR="$ROOT/.run/tools"
JWT_ISSUER="https://appeals.local/issuer"
# The audience every service requires (mp.jwt.verify.audiences in platform/src/main/resources/META-INF).
JWT_AUDIENCE="appeals-platform"

info() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Selects the "system" or "test" instance: its state folder and its ports (see the spec's port table).
use_instance() {
  INSTANCE="$1"
  STATE="$RUN_DIR/$INSTANCE"
  LOG_DIR="$STATE/logs"
  PID_DIR="$STATE/pids"
  case "$INSTANCE" in
    system) PG_PORT=55432 KAFKA_PORT=59092 KAFKA_CONTROLLER_PORT=59093 ;;
    # Overridable so that two checkouts on one machine can each run their own test instance. Below Linux's
    # ephemeral range (32768-60999): a broker or database restarted by the fault tests must find its port free,
    # not taken as the source port of some client's connection meanwhile.
    test)
      PG_PORT=${APPEALS_TEST_PG_PORT:-16432}
      KAFKA_PORT=${APPEALS_TEST_KAFKA_PORT:-19192}
      KAFKA_CONTROLLER_PORT=$((KAFKA_PORT + 1))
      # A test instance on other ports keeps its own state (and lock): starting one must not wipe another's.
      STATE=$(test_state_dir)
      LOG_DIR="$STATE/logs"
      PID_DIR="$STATE/pids"
      ;;
    *) die "unknown instance '$INSTANCE'" ;;
  esac
}

# .run/test for the default ports, .run/test-<pg port> for a test instance moved by APPEALS_TEST_PG_PORT.
test_state_dir() {
  local port=${APPEALS_TEST_PG_PORT:-16432}
  if [[ $port == 16432 ]]; then printf '%s' "$RUN_DIR/test"; else printf '%s' "$RUN_DIR/test-$port"; fi
}

# One command at a time may change the test instance: a second `./appeals test` waits instead of wiping
# the instance under the first. The lock is held on fd 9 until this script exits; the servers started
# meanwhile close fd 9 (see their launch lines), or they would keep holding it after the script ends.
lock_test_instance() {
  [[ -n ${TEST_LOCKED:-} ]] && return 0
  mkdir -p "$RUN_DIR"
  exec 9>"$(test_state_dir).lock"
  if ! flock -n 9; then
    info "waiting: another ./appeals command is using the test instance ($(test_state_dir).lock)"
    flock 9
  fi
  TEST_LOCKED=1
}

# True when the pid in pidfile is alive and its command line contains marker: a pid file left over from
# a crash or a reboot may name a pid that now belongs to an unrelated process.
pid_alive() {
  local pidfile="$1" marker="$2" pid
  [[ -f $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

# True when something accepts TCP connections on 127.0.0.1:port.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_port_free() {
  local port="$1" what="$2"
  if port_open "$port"; then
    die "port $port (for $what) is already taken by another process: $(ss -ltnpH "sport = :$port" 2>/dev/null | awk '{print $NF}' | head -n1)"
  fi
}

# Sends SIGTERM and waits up to timeout seconds; a process that ignores it is reported, not killed, so
# that whoever investigates still finds it.
stop_pid() {
  local pidfile="$1" marker="$2" name="$3" timeout="$4"
  if ! pid_alive "$pidfile" "$marker"; then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$(<"$pidfile")"
  await_exit "$pidfile" "$name" "$((SECONDS + timeout))"
}

# Waits until the process of pidfile has exited or the SECONDS value deadline has passed.
await_exit() {
  local pidfile="$1" name="$2" deadline="$3" pid
  pid=$(<"$pidfile")
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      printf 'error: %s (pid %s) did not stop in time after SIGTERM; see its log, then kill it by hand\n' \
        "$name" "$pid" >&2
      return 1
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
}

# Prints the end of a log file to stderr, framed, for failure reports.
show_log_tail() {
  local file="$1" lines="${2:-40}"
  [[ -f $file ]] || return 0
  printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
  tail -n "$lines" "$file" >&2
  printf -- '-----\n' >&2
}

# Elapsed seconds since a `date +%s.%N` stamp, one decimal.
seconds_since() {
  awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'
}
