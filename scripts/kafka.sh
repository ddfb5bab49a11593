# shellcheck shell=bash
# Single-node Apache Kafka (KRaft) run straight from the Maven Central jars: no Docker engine exists here.
# Sourced by ./appeals after common.sh; the functions act on the instance chosen by use_instance.

KAFKA_HOME="$TOOLS_DIR/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_POM="$ROOT/infra/kafka/pom.xml"
KAFKA_TOPICS_FILE="$ROOT/infra/kafka/topics.txt"
KAFKA_BROKER_JVM=(-Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true)
# The command-line tools are short-lived JVMs: the C1 compiler alone starts them faster.
KAFKA_TOOL_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m)

# Copies the jars named by infra/kafka/pom.xml; a hash of the pom marks the copy, so changing a version
# there refreshes the jars. Copying into a fresh folder and renaming keeps an interrupted fetch harmless.
kafka_fetch() {
  local want have="" started tmp
  want=$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)
  [[ -f $KAFKA_HOME/pom.sha256 ]] && have=$(<"$KAFKA_HOME/pom.sha256")
  if [[ $want != "$have" || ! -d $KAFKA_LIBS ]]; then
    info "fetching Kafka jars from Maven Central into ${KAFKA_LIBS#"$ROOT/"}"
    started=$(date +%s.%N)
    mkdir -p "$KAFKA_HOME"
    tmp="$KAFKA_HOME/libs.partial"
    rm -rf "$tmp"
    (cd "$ROOT" && ./mvnw -q -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$tmp") ||
      die "could not fetch the Kafka jars (see the Maven output above)"
    rm -rf "$KAFKA_LIBS" "$KAFKA_HOME/cds"
    mv "$tmp" "$KAFKA_LIBS"
    printf '%s\n' "$want" >"$KAFKA_HOME/pom.sha256"
    info "Kafka jars ready ($(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars) in $(seconds_since "$started") s"
  fi
  kafka_write_log_configs
}

# The broker logs INFO to its stdout, which ./appeals redirects into the instance's kafka.log (together
# with anything the JVM itself prints). The tools only report errors, on stderr.
kafka_write_log_configs() {
  cat >"$KAFKA_HOME/log4j2-broker.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
  cat >"$KAFKA_HOME/log4j2-tools.properties" <<'EOF'
status = error
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = ERROR
rootLogger.appenderRef.err.ref = ERR
EOF
}

kafka_tool() {
  java "${KAFKA_TOOL_JVM[@]}" -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2-tools.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# Each tool run is a JVM start of about a second, mostly spent loading classes. A class-data-sharing
# archive of the admin client's classes halves that, which matters when ten topics are created on every
# test run. The JVM ignores an archive made by another JDK build or for other jar paths, so both are in
# its name; refetching the jars removes it.
kafka_cds_init() {
  [[ -n ${KAFKA_CDS_ARCHIVE:-} ]] ||
    KAFKA_CDS_ARCHIVE="$KAFKA_HOME/cds/tools-$({ java -version 2>&1; echo "$KAFKA_LIBS"; } | cksum | cut -d' ' -f1).jsa"
}

# kafka_tool with the archive when it exists; otherwise this run writes it. Written under a temporary
# name and kept only after a clean exit: a truncated archive crashes every JVM that maps it.
kafka_tool_shared() {
  kafka_cds_init
  local archive="$KAFKA_CDS_ARCHIVE"
  if [[ -f $archive ]]; then
    kafka_tool -Xlog:cds*=off -XX:SharedArchiveFile="$archive" "$@"
  else
    mkdir -p "${archive%/*}"
    kafka_tool -Xlog:cds*=off -XX:ArchiveClassesAtExit="$archive.$BASHPID" "$@" ||
      { rm -f "$archive.$BASHPID"; return 1; }
    mv -f "$archive.$BASHPID" "$archive"
  fi
}

kafka_props() { printf '%s' "$STATE/kafka/server.properties"; }
kafka_pidfile() { printf '%s' "$PID_DIR/kafka.pid"; }
# Appears in the broker's command line only, and differs between instances.
kafka_marker() { printf 'kafka.Kafka %s' "$(kafka_props)"; }

kafka_running() { pid_alive "$(kafka_pidfile)" "$(kafka_marker)"; }

kafka_start() {
  local props data log started pid deadline
  props=$(kafka_props)
  data="$STATE/kafka/data"
  log="$LOG_DIR/kafka.log"
  if kafka_running; then
    info "kafka ($INSTANCE) already running, pid $(<"$(kafka_pidfile)")"
    return 0
  fi
  kafka_fetch
  require_port_free "$KAFKA_PORT" "Kafka ($INSTANCE)"
  require_port_free "$KAFKA_CONTROLLER_PORT" "the Kafka controller ($INSTANCE)"
  mkdir -p "$data" "$LOG_DIR" "$PID_DIR"
  sed -e "s|@BROKER_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@DATA_DIR@|$data|g" "$ROOT/infra/kafka/server.properties.template" >"$props"

  started=$(date +%s.%N)
  if [[ ! -f $data/meta.properties ]]; then
    # A cluster id is 16 random bytes in unpadded base64url; making it here saves a JVM start. It may begin with
    # "-", so it is passed as --cluster-id=<id> rather than as a separate argument the parser would take for an option.
    local cluster_id
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
    kafka_tool kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$props" >>"$log" 2>&1 ||
      { show_log_tail "$log"; die "formatting the Kafka storage in $data failed"; }
  fi

  # setsid: the broker outlives this script and ignores the terminal's Ctrl-C.
  setsid java "${KAFKA_BROKER_JVM[@]}" -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2-broker.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$props" >>"$log" 2>&1 </dev/null 9>&- &
  pid=$!
  # Out of this shell's job table, so that waiting for the topic creation jobs never waits for the broker.
  disown "$pid"
  printf '%s\n' "$pid" >"$(kafka_pidfile)"

  deadline=$((SECONDS + 90))
  until port_open "$KAFKA_PORT"; do
    # The pid itself, not kafka_running: until the forked shell has exec'd java, its command line is not yet the
    # broker's, and on a loaded machine that takes a while.
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$log"
      die "Kafka ($INSTANCE) exited during startup; log: $log"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$log"
      die "Kafka ($INSTANCE) did not open port $KAFKA_PORT within 90 s (still running, pid $pid); log: $log"
    fi
    sleep 0.1
  done
  # An open port is not yet a working broker: the topic listing below needs its metadata.
  kafka_list_topics >/dev/null || { show_log_tail "$log"; die "Kafka ($INSTANCE) does not answer on $KAFKA_PORT"; }
  info "kafka ($INSTANCE) started on 127.0.0.1:$KAFKA_PORT, pid $pid, in $(seconds_since "$started") s"
}

kafka_list_topics() {
  kafka_tool_shared org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list
}

# Creates the topics of infra/kafka/topics.txt that the broker lacks, three tool JVMs at a time (about
# twice as fast as one by one on two cores). Existing topics are left as they are: changing partitions or
# configs of a live topic is a deliberate act, not a side effect of `up`.
kafka_create_topics() {
  local existing line name partitions configs extra kv kvs lineno=0 total=0 args work failed=0 created=() started
  started=$(date +%s.%N)
  kafka_cds_init
  existing=$(kafka_list_topics) || die "cannot list the topics of Kafka ($INSTANCE)"
  work=$(mktemp -d)
  while IFS= read -r line || [[ -n $line ]]; do
    lineno=$((lineno + 1))
    line="${line%%#*}"
    read -r name partitions configs extra <<<"$line" || true
    [[ -z $name ]] && continue
    [[ $name =~ ^[A-Za-z0-9._-]+$ && $partitions =~ ^[1-9][0-9]*$ && -z ${extra:-} ]] ||
      { rm -rf "$work"; die "$KAFKA_TOPICS_FILE:$lineno: expected '<name> <partitions> [key=value,...]'"; }
    total=$((total + 1))
    grep -qxF -- "$name" <<<"$existing" && continue
    args=(--create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1)
    if [[ -n $configs ]]; then
      IFS=',' read -ra kvs <<<"$configs"
      for kv in "${kvs[@]}"; do args+=(--config "$kv"); done
    fi
    while (($(jobs -rp | wc -l) >= 3)); do wait -n || true; done
    (kafka_tool_shared org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "${args[@]}" \
      >"$work/$name.out" 2>&1 || touch "$work/$name.failed") &
    created+=("$name")
  done <"$KAFKA_TOPICS_FILE"
  wait
  for name in "${created[@]}"; do
    if [[ -f $work/$name.failed ]]; then
      cat "$work/$name.out" >&2
      printf 'error: creating topic %s failed\n' "$name" >&2
      failed=1
    fi
  done
  rm -rf "$work"
  ((failed == 0)) || die "topic creation on Kafka ($INSTANCE) failed"
  info "kafka ($INSTANCE) topics: ${#created[@]} created, $((total - ${#created[@]})) already present ($(seconds_since "$started") s)"
}

kafka_stop() {
  if ! kafka_running; then
    rm -f "$(kafka_pidfile)"
    info "kafka ($INSTANCE) is not running"
    return 0
  fi
  # The controlled shutdown of a combined broker/controller takes a few seconds.
  stop_pid "$(kafka_pidfile)" "$(kafka_marker)" "Kafka ($INSTANCE)" 60 || return 1
  info "kafka ($INSTANCE) stopped"
}

kafka_status_line() {
  if kafka_running; then
    local ready="port closed"
    port_open "$KAFKA_PORT" && ready="accepting connections"
    printf '  %-10s running  pid %-8s 127.0.0.1:%-6s %s\n' kafka "$(<"$(kafka_pidfile)")" "$KAFKA_PORT" "$ready"
  else
    printf '  %-10s stopped  %-12s 127.0.0.1:%-6s\n' kafka "" "$KAFKA_PORT"
    return 1
  fi
}
