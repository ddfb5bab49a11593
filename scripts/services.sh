# shellcheck shell=bash
# The five services of the running system (`./appeals up|down|status|logs`), as plain background JVMs
# wired to the system instance. Sourced by ./appeals after common.sh, infra.sh and jwt.sh.

# name:http-port:database role (= schema), in start order.
SERVICES=(
  intake-service:8081:intake
  routing-service:8082:routing
  response-service:8083:response
  escalation-service:8084:escalation
  analytics-service:8085:analytics
)
# Tiered C2 with its compiler threads bounded (two, the least tiered allows): measured on these two cores with
# intake alone, C1 only took 1.11-1.17 ms of intake CPU per appeal and C2, once warm, 0.43 ms; the whole pipeline at
# 450/s offered 4.95-5.97 ms per appeal against 6.48-8.49 (docs/benchmarks.md). The price is the first minutes under
# load after a start, while C2 compiles (30.7 ms per appeal in the first run). k8s/ and docker-compose.yml give every
# service the same flags (JAVA_OPTS_APPEND, checked by DeploymentManifestsTest), the heap sized from the memory limit.
SERVICE_JVM=(-XX:+UseSerialGC -Xmx384m -XX:CICompilerCount=2)
SERVICE_READY_TIMEOUT=120
# As k8s/ gives each pod (terminationGracePeriodSeconds): under a consumer backlog a service needs 20-25 s to
# leave its consumer groups and let its executor threads go (measured: escalation 24 s after a benchmark).
SERVICE_STOP_TIMEOUT=40

svc_jar() { printf '%s' "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
svc_pidfile() { printf '%s' "$RUN_DIR/system/pids/$1.pid"; }
svc_log() { printf '%s' "$RUN_DIR/system/logs/$1.log"; }
svc_running() { pid_alive "$(svc_pidfile "$1")" "$(svc_jar "$1")"; }
svc_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; }

# Accepts "intake" as well as "intake-service".
svc_resolve() {
  local entry name port role
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    if [[ $1 == "$name" || $1 == "$role" ]]; then
      printf '%s\n' "$name"
      return 0
    fi
  done
  return 1
}

# Checked before anything starts, so that a half-built tree never leaves a half-started system.
services_check_built() {
  local entry name port role missing=()
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    [[ -f $(svc_jar "$name") ]] || missing+=("${name}/target/quarkus-app/quarkus-run.jar")
  done
  ((${#missing[@]} == 0)) ||
    die "not built: ${missing[*]}; build with ./mvnw install -DskipTests (or run ./appeals up without --no-build)"
}

services_start() {
  local entry name port role jar started_any=0
  services_check_built
  use_instance system
  mkdir -p "$LOG_DIR" "$PID_DIR"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    jar=$(svc_jar "$name")
    if svc_running "$name"; then
      info "$name already running, pid $(<"$(svc_pidfile "$name")")"
      continue
    fi
    require_port_free "$port" "$name"
    [[ -f $(svc_log "$name") ]] && mv -f "$(svc_log "$name")" "$(svc_log "$name").1"
    (
      export QUARKUS_HTTP_PORT="$port"
      export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/appeals"
      export QUARKUS_DATASOURCE_USERNAME="$role" QUARKUS_DATASOURCE_PASSWORD="$role"
      export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
      export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$RUN_DIR/system/keys/jwt-public.pem"
      export MP_JWT_VERIFY_ISSUER="$JWT_ISSUER"
      if [[ $name == intake-service ]]; then
        APPEALS_PSEUDONYM_KEY=$(<"$RUN_DIR/system/keys/pseudonym.key")
        export APPEALS_PSEUDONYM_KEY
      fi
      exec setsid java "${SERVICE_JVM[@]}" -jar "$jar" >"$(svc_log "$name")" 2>&1 </dev/null 9>&-
    ) &
    printf '%s\n' "$!" >"$(svc_pidfile "$name")"
    disown "$!"
    started_any=1
    info "started $name, pid $!, log ${LOG_DIR#"$ROOT/"}/$name.log"
  done
  ((started_any)) || return 0
  # All five boot at once and are awaited afterwards: on two cores that is faster than one by one.
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    svc_wait_ready "$name" "$port"
  done
}

svc_wait_ready() {
  local name="$1" port="$2" deadline
  deadline=$((SECONDS + SERVICE_READY_TIMEOUT))
  until svc_ready "$port"; do
    # The pid, not svc_running: until the forked shell has exec'd java its command line does not name the jar.
    if ! kill -0 "$(<"$(svc_pidfile "$name")")" 2>/dev/null; then
      show_log_tail "$(svc_log "$name")" 60
      die "$name exited during startup; log: $(svc_log "$name"); ./appeals down stops the others"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$(svc_log "$name")" 60
      die "$name not ready on http://127.0.0.1:$port/q/health/ready within ${SERVICE_READY_TIMEOUT} s; it is still running (./appeals down stops it)"
    fi
    sleep 1
  done
  info "$name ready on port $port"
}

# Routing imports the sample territory and publishes it on appeals.territory, from which intake learns
# the valid KATO codes. Retried because a consumer or producer may still be warming up right after ready.
load_demo_territory() {
  local token attempt status body
  body=$(mktemp)
  token=$(mint_token "$RUN_DIR/system/keys/jwt-private.pem" admin "" appeals-cli)
  for attempt in 1 2 3 4 5; do
    status=$(curl -sS -o "$body" -w '%{http_code}' --max-time 60 -X POST \
      -H "Authorization: Bearer $token" "http://127.0.0.1:8082/api/v1/admin/territory/import?source=sample" \
      2>/dev/null) || status=000
    case "$status" in
      2??)
        info "demo territory loaded: $(head -c 300 "$body")"
        rm -f "$body"
        return 0
        ;;
      000 | 5??) warn "territory import attempt $attempt: HTTP $status; retrying" ;;
      *)
        cat "$body" >&2
        rm -f "$body"
        die "territory import rejected with HTTP $status"
        ;;
    esac
    sleep $((attempt * 2))
  done
  cat "$body" >&2
  rm -f "$body"
  die "territory import failed after 5 attempts; see ${LOG_DIR#"$ROOT/"}/routing-service.log"
}

# After an import, intake learns the settlements from appeals.territory a moment later; the README's first curl must
# not meet a 422 for the demo code. Both services' health group reference-data says when they have what they need.
await_reference_data() {
  local name port deadline started
  started=$(date +%s.%N)
  for name in routing-service:8082 intake-service:8081; do
    port=${name#*:} name=${name%%:*}
    deadline=$((SECONDS + SERVICE_READY_TIMEOUT))
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/q/health/group/reference-data" 2>/dev/null; do
      ((SECONDS < deadline)) ||
        die "$name has no reference data after ${SERVICE_READY_TIMEOUT} s (http://127.0.0.1:$port/q/health/group/reference-data); log: $(svc_log "$name")"
      sleep 0.5
    done
  done
  info "reference data in place $(seconds_since "$started") s after the import: routing has the territory, intake knows its settlements"
}

print_service_table() {
  local entry name port role
  printf '\n%-20s %-6s %s\n' SERVICE PORT "SWAGGER UI"
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    printf '%-20s %-6s http://127.0.0.1:%s/q/swagger-ui\n' "$name" "$port" "$port"
  done
  cat <<EOF

Tokens (RS256, valid 12 h; paste into Swagger UI's "Authorize"):
  ./appeals token frontend                       # submit appeals to intake
  ./appeals token --iin=900101300017 frontend    # a front end acting for a signed-in citizen
  ./appeals token akim-office 991021000 officer1 # office roles carry the KATO code of their body
  ./appeals token --office-head akim-office 991021000 head1 # the head of the body, who may extend a term
  ./appeals token admin                          # admin endpoints
Roles: ${JWT_ROLES[*]}
Example: curl -H "Authorization: Bearer \$(./appeals token analyst)" http://127.0.0.1:8085/q/openapi
Trust dashboard (kk/ru/en): http://127.0.0.1:8085/dashboard/?region=990000000#token=\$(./appeals token analyst)
  (print the token first and paste the URL, or paste the token into the page's field)
Logs: ./appeals logs <service>; stop everything: ./appeals down
EOF
}

# All at once: each service takes seconds to leave its consumer groups, and they do not depend on each
# other's shutdown.
services_stop() {
  local entry name port role deadline failed=0 stopping=()
  use_instance system
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    if svc_running "$name"; then
      kill -TERM "$(<"$(svc_pidfile "$name")")"
      stopping+=("$name")
    else
      rm -f "$(svc_pidfile "$name")"
    fi
  done
  deadline=$((SECONDS + SERVICE_STOP_TIMEOUT))
  for name in "${stopping[@]}"; do
    if await_exit "$(svc_pidfile "$name")" "$name" "$deadline"; then
      info "stopped $name"
    else
      failed=1
    fi
  done
  return "$failed"
}

# Exit status 0 only when every service runs and is ready.
services_status() {
  local entry name port role state pid ready failed=0
  use_instance system
  printf 'services\n'
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port role <<<"$entry"
    if svc_running "$name"; then
      state=running pid=$(<"$(svc_pidfile "$name")") ready="not ready"
      if svc_ready "$port"; then ready=ready; else failed=1; fi
    else
      state=stopped pid="" ready="" failed=1
    fi
    printf '  %-20s %-8s pid %-8s :%-5s %s\n' "$name" "$state" "$pid" "$port" "$ready"
  done
  return "$failed"
}

services_logs() {
  local name file
  use_instance system
  case "${1:-}" in
    kafka | postgres) file="$LOG_DIR/$1.log" ;;
    *)
      name=$(svc_resolve "${1:-}") || die "usage: ./appeals logs <service|kafka|postgres>; services: ${SERVICES[*]%%:*}"
      file=$(svc_log "$name")
      ;;
  esac
  [[ -f $file ]] || die "no log yet: $file"
  exec tail -n 200 -F "$file"
}
