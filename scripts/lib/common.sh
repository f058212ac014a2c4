# shellcheck shell=bash
# Helpers shared by scripts/stack.sh and scripts/lib/services.sh.
# Expects ROOT, STACK, TOOLS, LOGS, RUN to be set by the caller.

say() { printf '%s\n' "$*" >&2; }

# Loud failure. Optional second argument: a log file whose last 40 lines are shown.
die() {
  local msg="$1" log="${2:-}"
  {
    printf '\n'
    printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
    printf '!!! ERROR: %s\n' "$msg"
    if [ -n "$log" ]; then
      printf '!!! last 40 lines of %s:\n' "$log"
      printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
      if [ -f "$log" ]; then tail -n 40 "$log"; else printf '(no log file)\n'; fi
    fi
    printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
  } >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "root is needed to run: $*"
  fi
}

now() { date +%s; }

# Runs a command quietly, its output going to .stack/logs/install-<name>.log.
# Prints one line; on failure prints the log tail and exits.
quiet_install() {
  local name="$1" label="$2"
  shift 2
  local log="$LOGS/install-$name.log"
  say "$label ..."
  {
    printf '\n=== %s: %s\n' "$(date -Is)" "$*"
  } >>"$log"
  if ! "$@" >>"$log" 2>&1 </dev/null; then
    die "$label: failed (command: $*)" "$log"
  fi
}

# --- Debian packages -------------------------------------------------------

_APT_UPDATED=""

dpkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# apt_ensure pkg... : installs the packages that are missing (one apt-get call).
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg_installed "$p" || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ -z "$_APT_UPDATED" ]; then
    quiet_install apt "updating apt package lists" \
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    _APT_UPDATED=1
  fi
  quiet_install apt "installing ${missing[*]} (apt)" \
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- processes ---------------------------------------------------------------

pidfile_of() { printf '%s/%s.pid\n' "$RUN" "$1"; }

# read_pid <service> : prints the pid recorded for the service, or nothing.
read_pid() {
  local f
  f="$(pidfile_of "$1")"
  [ -s "$f" ] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$f")"
  [ -n "$pid" ] || return 1
  printf '%s\n' "$pid"
}

# pid_alive <service> <cmdline-substring> : the recorded process exists and looks like ours.
pid_alive() {
  local svc="$1" match="${2:-}" pid
  pid="$(read_pid "$svc")" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -n "$match" ] && [ -r "/proc/$pid/cmdline" ]; then
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    [[ "$cmdline" == *"$match"* ]] || return 1
  fi
  return 0
}

# launch <service> <cwd> cmd... : starts cmd in the background, in its own session,
# output appended to .stack/logs/<service>.log, pid written to .stack/run/<service>.pid.
# The pid is the one of cmd itself (nohup and setsid exec, they do not fork here).
launch() {
  local svc="$1" cwd="$2"
  shift 2
  local log="$LOGS/$svc.log"
  printf '\n=== %s: starting %s\n' "$(date -Is)" "$svc" >>"$log"
  (
    cd "$cwd" || exit 1
    exec nohup setsid "$@" >>"$log" 2>&1 </dev/null
  ) &
  printf '%s\n' "$!" >"$(pidfile_of "$svc")"
}

# stop_pid <service> <cmdline-substring> <timeout-seconds> : SIGTERM, wait, SIGKILL as a last resort.
stop_pid() {
  local svc="$1" match="$2" timeout="$3" pid deadline
  pid="$(read_pid "$svc")" || return 0
  if pid_alive "$svc" "$match"; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_pid_exit "$svc" "$pid" "$timeout"
  fi
  rm -f "$(pidfile_of "$svc")"
}

wait_pid_exit() {
  local svc="$1" pid="$2" timeout="$3" deadline
  deadline=$(($(now) + timeout))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(now)" -ge "$deadline" ]; then
      say "$svc: pid $pid still running after ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.3
  done
}

# --- probes ------------------------------------------------------------------

tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

http_code() {
  curl -s -o /dev/null -w '%{http_code}' --max-time "${HTTP_TIMEOUT:-3}" "$@" 2>/dev/null || true
}

# Renders a template from scripts/stack/, replacing @KEY@ by the values given as KEY=value args.
# Writes the target only when its content changes.
render() {
  local src="$1" dst="$2" kv k v content
  shift 2
  content="$(cat "$src")"
  for kv in "$@"; do
    k="${kv%%=*}"
    v="${kv#*=}"
    content="${content//"@$k@"/"$v"}"
  done
  if [ ! -f "$dst" ] || [ "$(cat "$dst")" != "$content" ]; then
    printf '%s\n' "$content" >"$dst"
  fi
}

# Shell-quotes a value for `export NAME=value` only when needed.
shell_quote() {
  local v="$1"
  if [[ "$v" =~ ^[A-Za-z0-9_./:@,=+%-]*$ ]]; then
    printf '%s' "$v"
  else
    printf "'%s'" "${v//\'/\'\\\'\'}"
  fi
}
