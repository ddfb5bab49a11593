# shellcheck shell=bash
# The project's own PostgreSQL 15 cluster per instance, from Debian's binaries, on a private port and folder
# (the machine's shared cluster on 5432 is never touched). Sourced by ./appeals after common.sh.

PG_MAJOR=15
# Local only, like the service roles' passwords: the cluster listens on 127.0.0.1 alone.
PG_SUPERUSER_PASSWORD=postgres

# Finds initdb/pg_ctl of PostgreSQL 15: Debian keeps them off PATH. Installs the package when missing and
# we are root; anyone else gets the command to run.
pg_find_bindir() {
  [[ -n ${PG_BIN:-} ]] && return 0
  local dir
  for dir in "/usr/lib/postgresql/$PG_MAJOR/bin" "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -x $dir/initdb && $("$dir/initdb" --version) == *" $PG_MAJOR."* ]]; then
      PG_BIN="$dir"
      return 0
    fi
  done
  is_root || die "PostgreSQL $PG_MAJOR server binaries not found; install them with: sudo apt-get install -y postgresql-$PG_MAJOR"
  info "installing postgresql-$PG_MAJOR (Debian package)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$PG_MAJOR" >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$PG_MAJOR" >/dev/null; } ||
    die "installing postgresql-$PG_MAJOR failed"
  [[ -x /usr/lib/postgresql/$PG_MAJOR/bin/initdb ]] || die "postgresql-$PG_MAJOR installed but initdb is missing"
  PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
}

# initdb refuses to run as root, so the server belongs to the `postgres` user when we are root.
as_pg_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_data() { printf '%s' "$STATE/pg/data"; }
pg_log() { printf '%s' "$LOG_DIR/postgres.log"; }

pg_running() {
  [[ -f $(pg_data)/PG_VERSION ]] || return 1
  pg_find_bindir
  as_pg_owner "$PG_BIN/pg_ctl" status -D "$(pg_data)" >/dev/null 2>&1
}

pg_prepare_folders() {
  mkdir -p "$STATE/pg" "$LOG_DIR" "$PID_DIR"
  touch "$(pg_log)"
  if is_root; then
    chown postgres:postgres "$STATE/pg" "$(pg_log)"
    runuser -u postgres -- test -w "$STATE/pg" ||
      die "user postgres cannot reach $STATE/pg: every parent folder of the repository must be searchable (chmod o+x)"
  fi
}

pg_initdb() {
  local data pwfile
  data=$(pg_data)
  pwfile="$STATE/pg/superuser.pw"
  printf '%s\n' "$PG_SUPERUSER_PASSWORD" >"$pwfile"
  is_root && chown postgres:postgres "$pwfile"
  # C.UTF-8 rather than C: lower()/upper() and case-insensitive search must understand Cyrillic and Kazakh.
  as_pg_owner "$PG_BIN/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-local=peer \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >>"$(pg_log)" 2>&1 ||
    { rm -f "$pwfile"; show_log_tail "$(pg_log)"; die "initdb of $data failed"; }
  rm -f "$pwfile"
  printf "include = 'appeals.conf'\n" >>"$data/postgresql.conf"
}

# Rewritten on every start so that a change here reaches the long-lived system instance too.
pg_write_conf() {
  local conf
  conf="$(pg_data)/appeals.conf"
  {
    printf "# Written by ./appeals on every start; edit scripts/postgres.sh instead.\n"
    printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT"
    # TCP only: no socket file in a shared folder, no path-length limit on deep checkouts.
    printf "unix_socket_directories = ''\n"
    # Five services with their pools, test JVMs and the benchmark all connect at once.
    printf "max_connections = 300\n"
    if [[ $INSTANCE == test ]]; then
      # Throwaway data: durability only costs time here. The system instance keeps the durable defaults. Commits stay
      # synchronous (WAL written to the kernel, not fsynced, before the client hears of them): then only a crash of the
      # machine loses data, not a crash of PostgreSQL alone, which the fault tests cause (scripts/faults.sh pg-stop)
      # and after which every commit a service was told of must still be there, as with the durable defaults.
      printf "fsync = off\nfull_page_writes = off\n"
    else
      # Durable, but checkpoints far enough apart for thousands of commits a second: at the default 1 GB of WAL
      # they came every 19 s under intake's load, each ending in a sync of about a second that held every commit.
      # Each commit is still fsynced; a crash replays at most this much WAL.
      printf "max_wal_size = 8GB\ncheckpoint_timeout = 15min\n"
    fi
  } >"$conf"
  is_root && chown postgres:postgres "$conf"
  return 0
}

pg_start() {
  local data started
  data=$(pg_data)
  pg_find_bindir
  if pg_running; then
    info "postgres ($INSTANCE) already running, pid $(head -n1 "$data/postmaster.pid")"
    head -n1 "$data/postmaster.pid" >"$PID_DIR/postgres.pid"
    return 0
  fi
  require_port_free "$PG_PORT" "PostgreSQL ($INSTANCE)"
  started=$(date +%s.%N)
  pg_prepare_folders
  [[ -f $data/PG_VERSION ]] || pg_initdb
  pg_write_conf
  as_pg_owner "$PG_BIN/pg_ctl" start -D "$data" -l "$(pg_log)" -w -t 60 >/dev/null 9>&- ||
    { show_log_tail "$(pg_log)"; die "PostgreSQL ($INSTANCE) did not start; log: $(pg_log)"; }
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 30 ||
    { show_log_tail "$(pg_log)"; die "PostgreSQL ($INSTANCE) does not accept connections on $PG_PORT"; }
  head -n1 "$data/postmaster.pid" >"$PID_DIR/postgres.pid"
  info "postgres ($INSTANCE) started on 127.0.0.1:$PG_PORT, pid $(<"$PID_DIR/postgres.pid"), in $(seconds_since "$started") s"
}

# Creates the appeals database, its roles and schemas; safe to run on every start.
pg_init_schema() {
  # client_min_messages: on repeated runs, "already exists, skipping" notices are expected, not news.
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" PGOPTIONS="-c client_min_messages=warning" \
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -f "$ROOT/infra/postgres/init.sql" >/dev/null ||
    die "infra/postgres/init.sql failed on PostgreSQL ($INSTANCE)"
  info "postgres ($INSTANCE) database appeals ready (infra/postgres/init.sql applied)"
}

# Fast (the default): roll back open transactions and disconnect clients, then a clean shutdown checkpoint.
# Immediate (scripts/faults.sh): every process killed, as in a crash; the next start recovers from the WAL.
pg_stop() {
  local mode="${1:-fast}"
  if ! pg_running; then
    rm -f "$PID_DIR/postgres.pid"
    info "postgres ($INSTANCE) is not running"
    return 0
  fi
  as_pg_owner "$PG_BIN/pg_ctl" stop -D "$(pg_data)" -m "$mode" -w -t 60 >/dev/null || {
    show_log_tail "$(pg_log)"
    printf 'error: PostgreSQL (%s) did not stop within 60 s\n' "$INSTANCE" >&2
    return 1
  }
  rm -f "$PID_DIR/postgres.pid"
  info "postgres ($INSTANCE) stopped ($mode)"
}

pg_status_line() {
  if pg_running; then
    local ready="not accepting connections"
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 && ready="accepting connections"
    printf '  %-10s running  pid %-8s 127.0.0.1:%-6s %s\n' postgres "$(head -n1 "$(pg_data)/postmaster.pid")" \
      "$PG_PORT" "$ready"
  else
    printf '  %-10s stopped  %-12s 127.0.0.1:%-6s\n' postgres "" "$PG_PORT"
    return 1
  fi
}
