# shellcheck shell=bash
# RS256 keys and tokens for the local instances, with openssl alone: no JVM start for a token.
# Sourced by ./appeals after common.sh.

JWT_ROLES=(frontend akim-office district-akimat region-akimat presidential-administration analyst admin operator auditor)
JWT_TEST_KEY="$ROOT/test-support/src/main/resources/test-keys/jwt-private.pem"
JWT_LIFETIME_SECONDS=$((12 * 3600))

# The system instance's own key pair and the intake pseudonym secret: made once, kept across restarts
# (a new key would invalidate every token handed out, a new secret every stored pseudonym).
ensure_system_secrets() {
  local keys="$RUN_DIR/system/keys"
  mkdir -p "$keys"
  chmod 700 "$keys"
  if [[ ! -f $keys/jwt-private.pem || ! -f $keys/jwt-public.pem ]]; then
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null)
    openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
    info "generated the system instance's JWT key pair in ${keys#"$ROOT/"}"
  fi
  if [[ ! -f $keys/pseudonym.key ]]; then
    (umask 077 && openssl rand -base64 32 >"$keys/pseudonym.key")
    info "generated the intake pseudonym key in ${keys#"$ROOT/"}"
  fi
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token <private-key> <role> [kato] [subject] [extra claims, JSON members without braces]
mint_token() {
  local key="$1" role="$2" kato="${3:-}" subject="${4:-}" extra="${5:-}" now header payload signing_input signature
  local known=0 r
  for r in "${JWT_ROLES[@]}"; do [[ $r == "$role" ]] && known=1; done
  ((known)) || die "unknown role '$role'; one of: ${JWT_ROLES[*]}"
  [[ -z $kato || $kato =~ ^[0-9]{9}$ ]] || die "kato must be a 9-digit KATO code, got '$kato'"
  [[ -n $subject ]] || subject="demo-$role"
  # Only characters that need no JSON escaping.
  [[ $subject =~ ^[A-Za-z0-9._@-]+$ ]] || die "subject may contain letters, digits and . _ @ - only"
  [[ -r $key ]] || die "signing key $key not found"
  now=$(date +%s)
  header='{"alg":"RS256","typ":"JWT"}'
  payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"%s%s}' \
    "$JWT_ISSUER" "$JWT_AUDIENCE" "$subject" "$subject" "$role" "$now" "$((now + JWT_LIFETIME_SECONDS))" \
    "$(</proc/sys/kernel/random/uuid)" "${kato:+,\"kato\":\"$kato\"}" "${extra:+,$extra}")
  signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
  signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$key" -binary | b64url)
  printf '%s.%s\n' "$signing_input" "$signature"
}

# `./appeals token [--test] [--iin=<12 digits>] [--office-head] <role> [kato] [subject]`
token_command() {
  local key="$RUN_DIR/system/keys/jwt-private.pem" args=() extra=()
  while (($#)); do
    case "$1" in
      --test) key="$JWT_TEST_KEY" ;;
      # the signed-in citizen a front end acts for: the citizen's own endpoints and per-citizen limits read it
      --iin=*)
        [[ ${1#--iin=} =~ ^[0-9]{12}$ ]] || die "--iin takes the citizen's 12-digit IIN, got '${1#--iin=}'"
        extra+=("\"iin\":\"${1#--iin=}\"") ;;
      # the head of the body (or a deputy): response lets only the head extend a term (APPK Art. 76)
      --office-head) extra+=('"office-head":true') ;;
      -*) die "unknown option '$1' (expected --test, --iin=<IIN> or --office-head)" ;;
      *) args+=("$1") ;;
    esac
    shift
  done
  ((${#args[@]} >= 1 && ${#args[@]} <= 3)) ||
    die "usage: ./appeals token [--test] [--iin=<IIN>] [--office-head] <role> [kato] [subject]; roles: ${JWT_ROLES[*]}"
  if [[ $key != "$JWT_TEST_KEY" ]]; then
    # stdout carries the token alone, for $(./appeals token ...).
    ensure_system_secrets >&2
  fi
  local joined
  joined=$(IFS=,; printf '%s' "${extra[*]}")
  mint_token "$key" "${args[0]}" "${args[1]:-}" "${args[2]:-}" "$joined"
}
