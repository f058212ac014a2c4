#!/usr/bin/env bash
# Local development/test stack of Twake Calendar Side Service, without Docker.
#
#   scripts/stack.sh up [service...]     install what is missing, start, wait until they answer
#   scripts/stack.sh down [service...]   stop them
#   scripts/stack.sh status              one line per service: up/down/external + URL
#   scripts/stack.sh env                 `export NAME=value` lines: eval "$(scripts/stack.sh env)"
#   scripts/stack.sh node                ensure the project's Node 24 and print its bin folder
#
# Services: opensearch mongodb rabbitmq redis ldap dav maildev (all on 127.0.0.1).
# On demand only (when named): mongobench (alias mongo-bench), the in-memory mongo-java-server of the
# benchmarks and of the second persistence run, on 27019 (MONGO_BENCH_URL).
# Data, logs (.stack/logs/<service>.log) and pid files (.stack/run/) live in <repo>/.stack/,
# downloaded/built tools in <repo>/.tools/. Both are ignored by git.
# A service whose variable is already set in the environment (MONGO_URL, RABBITMQ_URI,
# REDIS_URL, OPENSEARCH_HOSTS, LDAP_URL, DAV_URL, SMTP_HOST) to another value than the
# stack's own is "external": it is neither installed nor started.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK="$ROOT/.stack"
TOOLS="$ROOT/.tools"
LOGS="$STACK/logs"
RUN="$STACK/run"

# shellcheck source=lib/node.sh
source "$ROOT/scripts/lib/node.sh"
# shellcheck source=lib/common.sh
source "$ROOT/scripts/lib/common.sh"
# shellcheck source=lib/services.sh
source "$ROOT/scripts/lib/services.sh"

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Resolves service arguments (names or aliases) into SELECTED, in the stack's start order.
select_services() {
  local -A wanted=()
  local a s
  SELECTED=()
  if [ "$#" -eq 0 ]; then
    SELECTED=("${SERVICES[@]}")
    return
  fi
  for a in "$@"; do
    s="${SVC_ALIAS[$a]:-$a}"
    [ -n "${SVC_OVERRIDE[$s]:-}" ] || die "unknown service '$a' (known: ${SERVICES[*]} ${ON_DEMAND_SERVICES[*]})"
    wanted[$s]=1
  done
  for s in "${SERVICES[@]}"; do
    [ -n "${wanted[$s]:-}" ] && SELECTED+=("$s")
  done
  for s in "${ON_DEMAND_SERVICES[@]}"; do
    [ -n "${wanted[$s]:-}" ] && SELECTED+=("$s")
  done
  return 0
}

external_url() {
  local var="${SVC_OVERRIDE[$1]}"
  printf '%s (external, from %s)\n' "${!var}" "$var"
}

ensure_dirs() {
  mkdir -p "$STACK" "$LOGS" "$RUN" "$TOOLS"
}

cmd_up() {
  select_services "$@"
  ensure_dirs
  local s
  local -a todo=() starting=() apt_pkgs=()
  local -A deadline=()

  # 1. What has to be done: external services and the ones that already answer are left alone.
  for s in "${SELECTED[@]}"; do
    if svc_external "$s"; then
      continue
    elif "${s}_ready"; then
      continue
    fi
    todo+=("$s")
  done

  if [ "${#todo[@]}" -gt 0 ]; then
    # 2. Debian packages, in one apt-get call.
    command -v curl >/dev/null 2>&1 || apt_pkgs+=(curl)
    for s in "${todo[@]}"; do
      # shellcheck disable=SC2206
      apt_pkgs+=(${SVC_APT[$s]})
      if declare -F "${s}_apt_extra" >/dev/null; then
        # shellcheck disable=SC2207
        apt_pkgs+=($("${s}_apt_extra"))
      fi
    done
    [ "${#apt_pkgs[@]}" -eq 0 ] || apt_ensure "${apt_pkgs[@]}"

    # 3. Install and launch, one after the other (OpenSearch first: it boots while the
    #    others are being installed).
    for s in "${todo[@]}"; do
      if pid_alive "$s" "${SVC_MATCH[$s]}"; then
        say "$s: already starting (pid $(read_pid "$s")), waiting for it"
      else
        "${s}_install"
        say "starting $s ..."
        "${s}_start"
      fi
      deadline[$s]=$(($(now) + ${SVC_TIMEOUT[$s]}))
      starting+=("$s")
    done

    # 4. Wait for all of them, in parallel; run each one's post-start step once it answers.
    local -a pending=("${starting[@]}") still=()
    while [ "${#pending[@]}" -gt 0 ]; do
      still=()
      for s in "${pending[@]}"; do
        if "${s}_ready"; then
          say "$s is up"
          if declare -F "${s}_after" >/dev/null; then "${s}_after"; fi
        elif ! pid_alive "$s" "${SVC_MATCH[$s]}"; then
          die "$s exited during start-up (see $LOGS/$s.log)" "$LOGS/$s.log"
        elif [ "$(now)" -ge "${deadline[$s]}" ]; then
          die "$s did not answer within ${SVC_TIMEOUT[$s]}s (see $LOGS/$s.log)" "$LOGS/$s.log"
        else
          still+=("$s")
        fi
      done
      pending=("${still[@]}")
      [ "${#pending[@]}" -eq 0 ] || sleep 0.5
    done
  fi

  # 5. The LDAP seed is also checked when slapd was already running (cheap, idempotent).
  for s in "${SELECTED[@]}"; do
    if [ "$s" = ldap ] && ! svc_external ldap; then
      case " ${starting[*]} " in *" ldap "*) ;; *) ldap_after ;; esac
    fi
  done

  # 6. Summary.
  for s in "${SELECTED[@]}"; do
    if svc_external "$s"; then
      printf '%-11s %s\n' "$s" "$(external_url "$s")"
    else
      printf '%-11s %s\n' "$s" "${SVC_URL[$s]}"
    fi
  done
}

cmd_down() {
  select_services "$@"
  local s pid
  local -a pids=()
  for s in "${SELECTED[@]}"; do
    if svc_external "$s"; then
      say "$s: external, left alone"
    elif pid_alive "$s" "${SVC_MATCH[$s]}"; then
      say "stopping $s ..."
      # in parallel: each stop waits for its process to exit
      "${s}_stop" &
      pids+=("$!")
    else
      rm -f "$(pidfile_of "$s")"
      if "${s}_ready"; then
        say "$s: answers but was not started by this script (no pid file): left alone"
      fi
    fi
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || true
  done
  return 0
}

cmd_status() {
  local s state url
  for s in "${SERVICES[@]}" "${ON_DEMAND_SERVICES[@]}"; do
    url="${SVC_URL[$s]}"
    if svc_external "$s"; then
      state=external
      url="$(external_url "$s")"
    elif "${s}_ready"; then
      state=up
    elif pid_alive "$s" "${SVC_MATCH[$s]}"; then
      state=starting
    else
      state=down
    fi
    printf '%-11s %-9s %s\n' "$s" "$state" "$url"
  done
  return 0
}

cmd_env() {
  local s var val
  for s in "${SERVICES[@]}" "${ON_DEMAND_SERVICES[@]}"; do
    for var in ${SVC_ENV_NAMES[$s]}; do
      if svc_external "$s"; then
        # External: echo what the environment gives; print nothing we cannot know.
        val="${!var:-}"
        [ -n "$val" ] || continue
      else
        val="${STACK_ENV[$var]}"
      fi
      printf 'export %s=%s\n' "$var" "$(shell_quote "$val")"
    done
  done
}

cmd_node() {
  ensure_node
  node_bin_dir
}

main() {
  local cmd="${1:-}"
  [ "$#" -gt 0 ] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    down | stop) cmd_down "$@" ;;
    status) cmd_status ;;
    env) cmd_env ;;
    node) cmd_node ;;
    -h | --help | help | "") usage ;;
    *) say "unknown command: $cmd" && usage ;;
  esac
}

main "$@"
