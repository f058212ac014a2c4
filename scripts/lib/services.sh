# shellcheck shell=bash disable=SC2034
# One block per service of the local stack, used by scripts/stack.sh.
#
# Each service S defines:
#   S_install   install what is missing (quiet, one line per step)
#   S_start     prepare config/data and launch it in the background (pid in .stack/run/S.pid)
#   S_ready     quick readiness probe (0 = answers)
#   S_stop      stop it (only the process recorded in the pid file)
#   S_after     (optional) run once it answers (seeding, checks)
# and the tables below give the rest.

# Start order: OpenSearch first (slowest), the others while it boots.
SERVICES=(opensearch mongodb rabbitmq redis ldap dav maildev)
# Started only when named (`stack.sh up mongobench`): never by a bare `up`, never in `env`.
ON_DEMAND_SERVICES=(mongobench)

declare -A SVC_OVERRIDE=(
  [opensearch]=OPENSEARCH_HOSTS [mongodb]=MONGO_URL [rabbitmq]=RABBITMQ_URI [redis]=REDIS_URL
  [ldap]=LDAP_URL [dav]=DAV_URL [maildev]=SMTP_HOST [mongobench]=MONGO_BENCH_URL
)
declare -A SVC_TIMEOUT=(
  [opensearch]=120 [mongodb]=60 [rabbitmq]=60 [redis]=60 [ldap]=60 [dav]=60 [maildev]=60 [mongobench]=60
)
# Substring of /proc/<pid>/cmdline of the process recorded in the pid file. OpenSearch's is first
# the bash launcher (bin/opensearch, which runs a keystore check before it execs java), then the JVM:
# "/opensearch-" (the install folder) is in both, so a slow launcher is not taken for a dead one.
declare -A SVC_MATCH=(
  [opensearch]=/opensearch- [mongodb]=ferretdb [rabbitmq]=rabbitmq-server
  [redis]=redis-server [ldap]=slapd [dav]=radicale [maildev]=maildev [mongobench]=MongoBench
)
declare -A SVC_URL=(
  [opensearch]="http://127.0.0.1:9200"
  [mongodb]="mongodb://127.0.0.1:27018"
  [rabbitmq]="amqp://guest:guest@127.0.0.1:5673  (management http://127.0.0.1:15673)"
  [redis]="redis://127.0.0.1:6380"
  [ldap]="ldap://127.0.0.1:3389"
  [dav]="http://127.0.0.1:5232"
  [maildev]="smtp://127.0.0.1:1025  (web http://127.0.0.1:1080)"
  [mongobench]="mongodb://127.0.0.1:27019  (in memory, for benchmarks)"
)
declare -A SVC_ALIAS=(
  [ferretdb]=mongodb [mongo]=mongodb [rabbit]=rabbitmq [amqp]=rabbitmq [slapd]=ldap [openldap]=ldap
  [radicale]=dav [caldav]=dav [smtp]=maildev [mail]=maildev [elasticsearch]=opensearch [search]=opensearch
  [mongo-bench]=mongobench [mongo-java-server]=mongobench
)

# Environment printed by `stack.sh env` (in this order) for a service run by the stack.
declare -A SVC_ENV_NAMES=(
  [mongodb]="MONGO_URL"
  [rabbitmq]="RABBITMQ_URI RABBITMQ_MANAGEMENT_URI RABBITMQ_MANAGEMENT_USER RABBITMQ_MANAGEMENT_PASSWORD"
  [redis]="REDIS_URL"
  [opensearch]="OPENSEARCH_HOSTS OPENSEARCH_SCHEME"
  [ldap]="LDAP_URL LDAP_BIND_DN LDAP_BIND_PASSWORD LDAP_USER_BASE LDAP_USER_OBJECT_CLASS LDAP_USER_ID_ATTRIBUTE"
  [dav]="DAV_URL"
  [maildev]="SMTP_HOST SMTP_PORT MAILDEV_URL"
  [mongobench]="MONGO_BENCH_URL"
)
declare -A STACK_ENV=(
  [MONGO_URL]="mongodb://127.0.0.1:27018"
  [RABBITMQ_URI]="amqp://guest:guest@127.0.0.1:5673"
  [RABBITMQ_MANAGEMENT_URI]="http://127.0.0.1:15673"
  [RABBITMQ_MANAGEMENT_USER]="guest"
  [RABBITMQ_MANAGEMENT_PASSWORD]="guest"
  [REDIS_URL]="redis://127.0.0.1:6380"
  [OPENSEARCH_HOSTS]="127.0.0.1:9200"
  [OPENSEARCH_SCHEME]="http"
  [LDAP_URL]="ldap://127.0.0.1:3389"
  [LDAP_BIND_DN]="cn=admin,dc=twake,dc=test"
  [LDAP_BIND_PASSWORD]="admin-secret"
  [LDAP_USER_BASE]="ou=people,dc=twake,dc=test"
  [LDAP_USER_OBJECT_CLASS]="inetOrgPerson"
  [LDAP_USER_ID_ATTRIBUTE]="mail"
  [DAV_URL]="http://127.0.0.1:5232"
  [SMTP_HOST]="127.0.0.1"
  [SMTP_PORT]="1025"
  [MAILDEV_URL]="http://127.0.0.1:1080"
  [MONGO_BENCH_URL]="mongodb://127.0.0.1:27019"
)

# Debian packages each service needs (checked with dpkg, installed in one apt-get call).
declare -A SVC_APT=(
  [opensearch]="" [mongodb]="" [rabbitmq]="rabbitmq-server" [redis]="redis-server"
  [ldap]="slapd ldap-utils" [dav]="radicale" [maildev]="" [mongobench]=""
)

# A service is external when its override variable is set to something else than
# what the stack itself serves (so that `eval "$(stack.sh env)"` does not turn the
# stack's own services into external ones).
svc_external() {
  local var="${SVC_OVERRIDE[$1]}"
  local val="${!var:-}"
  [ -n "$val" ] && [ "$val" != "${STACK_ENV[$var]}" ]
}

# ============================================================================
# OpenSearch 2.19.6 (integ-test zip from Maven Central) plus the modules the event search
# needs (analysis-common, lang-painless, reindex), run as user "opensearch"
# ============================================================================
OS_VERSION=2.19.6
# Modules missing from the integ-test zip: name|artifact|plugin class|extended plugins.
# Maven Central serves their jars (not the plugin zips), so each modules/<name>/ is built
# from the jar, its runtime dependencies not already in lib/, and a descriptor we write.
OS_MODULES=(
  "lang-painless|org.opensearch.plugin:lang-painless|org.opensearch.painless.PainlessPlugin|"
  "analysis-common|org.opensearch.plugin:analysis-common|org.opensearch.analysis.common.CommonAnalysisPlugin|lang-painless"
  "reindex|org.opensearch.plugin:reindex-client|org.opensearch.index.reindex.ReindexPlugin|"
)
OS_USER=opensearch

_os_home() { printf '%s/opensearch-%s\n' "$TOOLS" "$OS_VERSION"; }
_os_dir() { printf '%s/opensearch\n' "$STACK"; }
_os_java_home() {
  local java
  if [ -n "${OPENSEARCH_JAVA_HOME:-}" ] && [ -x "$OPENSEARCH_JAVA_HOME/bin/java" ]; then
    printf '%s\n' "$OPENSEARCH_JAVA_HOME"
    return
  fi
  java="$(readlink -f "$(command -v java)")"
  dirname "$(dirname "$java")"
}

opensearch_apt_extra() {
  local p="" m missing=""
  for m in "${OS_MODULES[@]}"; do
    [ -f "$(_os_home)/modules/${m%%|*}/plugin-descriptor.properties" ] || missing=1
  done
  [ -x "$(_os_home)/bin/opensearch" ] && [ -z "$missing" ] && return 0
  command -v unzip >/dev/null 2>&1 || p+=" unzip"
  command -v mvn >/dev/null 2>&1 || p+=" maven"
  command -v java >/dev/null 2>&1 || p+=" default-jre-headless"
  printf '%s\n' "$p"
}

_os_fetch() {
  local home tmp rc=0
  home="$(_os_home)"
  tmp="$(mktemp -d)"
  # (no `set -e` here: it is ignored inside `if`, hence the && chain)
  (cd "$tmp" &&
    mvn -q -B dependency:copy \
      "-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:${OS_VERSION}:zip" \
      "-DoutputDirectory=$tmp" &&
    unzip -q "$tmp/opensearch-${OS_VERSION}.zip" -d "$tmp/x" &&
    test -x "$tmp/x/opensearch-${OS_VERSION}/bin/opensearch" &&
    rm -rf "$home" &&
    mkdir -p "$TOOLS" &&
    mv "$tmp/x/opensearch-${OS_VERSION}" "$home") || rc=$?
  rm -rf "$tmp"
  return "$rc"
}

# Permissions a module needs under the security manager (printed; nothing when none).
_os_module_policy() {
  case "$1" in
    # painless generates classes for scripts and loads its allowlists through class loaders
    lang-painless) printf '%s\n' 'grant {' \
      '  permission java.lang.RuntimePermission "createClassLoader";' \
      '  permission java.lang.RuntimePermission "getClassLoader";' '};' ;;
    # reindex from a remote cluster opens connections
    reindex) printf '%s\n' 'grant {' '  permission java.net.SocketPermission "*", "connect";' '};' ;;
  esac
}

# Builds $home/modules/<name>/ for one OS_MODULES entry (in a temp folder, then moved in).
_os_module_fetch() {
  local home name artifact class extends tmp rc=0 jar base
  home="$(_os_home)"
  IFS='|' read -r name artifact class extends <<<"$1"
  tmp="$(mktemp -d)"
  cat >"$tmp/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.stack</groupId><artifactId>opensearch-module-${name}</artifactId><version>1</version>
  <dependencies><dependency>
    <groupId>${artifact%%:*}</groupId><artifactId>${artifact#*:}</artifactId><version>${OS_VERSION}</version>
  </dependency></dependencies>
</project>
EOF
  (cd "$tmp" &&
    mvn -q -B dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$tmp/jars" &&
    mkdir "$tmp/$name") || rc=$?
  if [ "$rc" -eq 0 ]; then
    # the server's own jars (same artifact, any version) must not be loaded twice (jar hell)
    for jar in "$tmp"/jars/*.jar; do
      base="$(basename "$jar")"
      base="${base%-[0-9]*.jar}"
      compgen -G "$home/lib/${base}-[0-9]*.jar" >/dev/null || cp "$jar" "$tmp/$name/"
    done
    cat >"$tmp/$name/plugin-descriptor.properties" <<EOF
description=${name} module (installed by scripts/stack.sh from ${artifact})
version=${OS_VERSION}
name=${name}
classname=${class}
java.version=11
opensearch.version=${OS_VERSION}
custom.foldername=
extended.plugins=${extends}
has.native.controller=false
EOF
    _os_module_policy "$name" >"$tmp/$name/plugin-security.policy"
    [ -s "$tmp/$name/plugin-security.policy" ] || rm -f "$tmp/$name/plugin-security.policy"
    rm -rf "$home/modules/$name" && mv "$tmp/$name" "$home/modules/$name" || rc=$?
  fi
  rm -rf "$tmp"
  return "$rc"
}

opensearch_install() {
  local m name
  if [ ! -x "$(_os_home)/bin/opensearch" ]; then
    quiet_install opensearch "installing opensearch ${OS_VERSION} (maven central)" _os_fetch
  fi
  for m in "${OS_MODULES[@]}"; do
    name="${m%%|*}"
    if [ ! -f "$(_os_home)/modules/$name/plugin-descriptor.properties" ]; then
      quiet_install opensearch "installing opensearch module $name ${OS_VERSION} (maven central)" \
        _os_module_fetch "$m"
    fi
  done
  if [ "$(id -u)" -eq 0 ] && ! id -u "$OS_USER" >/dev/null 2>&1; then
    quiet_install opensearch "installing system user $OS_USER" \
      useradd -r -M -d /nonexistent -s /usr/sbin/nologin -U "$OS_USER"
  fi
}

# OpenSearch refuses to run as root: give its files to the opensearch user and make
# sure that user can traverse down to them.
_os_permissions() {
  local home dir d
  home="$(_os_home)"
  dir="$(_os_dir)"
  [ "$(id -u)" -eq 0 ] || return 0
  if [ "$(stat -c %U "$home")" != "$OS_USER" ]; then
    chown -R "$OS_USER:" "$home"
  fi
  if [ -n "$(find "$dir" ! -user "$OS_USER" -print -quit)" ]; then
    chown -R "$OS_USER:" "$dir"
  fi
  for d in "$home" "$dir"; do
    d="$(dirname "$d")"
    while [ "$d" != "/" ]; do
      if [ "$(( 0$(stat -c %a "$d") & 01 ))" -eq 0 ]; then
        say "note: chmod o+x $d (so that user $OS_USER can reach its files)"
        chmod o+x "$d"
      fi
      d="$(dirname "$d")"
    done
  done
}

opensearch_start() {
  local home dir java_home
  home="$(_os_home)"
  dir="$(_os_dir)"
  java_home="$(_os_java_home)"
  # one data folder per version: a node never starts on another version's data
  mkdir -p "$dir/config" "$dir/data" "$dir/data-$OS_VERSION" "$dir/logs"
  if [ ! -f "$dir/config/jvm.options" ]; then
    cp -r "$home/config/jvm.options.d" "$home/config/log4j2.properties" "$dir/config/"
    # gc logs, heap dumps and JVM error files next to our data/logs instead of the install folder
    sed -e "s|HeapDumpPath=data|HeapDumpPath=$dir/data|" \
      -e "s|ErrorFile=logs/|ErrorFile=$dir/logs/|" \
      -e "s|logs/gc.log|$dir/logs/gc.log|g" \
      "$home/config/jvm.options" >"$dir/config/jvm.options"
  fi
  render "$ROOT/scripts/stack/opensearch.yml" "$dir/config/opensearch.yml" \
    "DATA=$dir/data-$OS_VERSION" "LOGS=$dir/logs"
  _os_permissions
  local -a as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    as_user=(setpriv "--reuid=$OS_USER" "--regid=$OS_USER" --init-groups)
  fi
  launch opensearch "$dir" "${as_user[@]}" env \
    "HOME=$dir" \
    "OPENSEARCH_PATH_CONF=$dir/config" \
    "OPENSEARCH_JAVA_HOME=$java_home" \
    "JAVA_HOME=$java_home" \
    "OPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m" \
    "$home/bin/opensearch"
}

opensearch_ready() {
  local health
  health="$(curl -s --max-time 3 "http://127.0.0.1:9200/_cluster/health" 2>/dev/null || true)"
  [[ "$health" =~ \"status\":\"(green|yellow)\" ]]
}

opensearch_stop() { stop_pid opensearch "${SVC_MATCH[opensearch]}" 60; }

# ============================================================================
# MongoDB API: FerretDB 1.24.2 with its SQLite backend, built with Go
# ============================================================================
FERRETDB_VERSION=v1.24.2

_fdb_bin() { printf '%s/bin/ferretdb\n' "$TOOLS"; }

_fdb_ok() {
  local v
  v="$("$(_fdb_bin)" --version 2>/dev/null)" || return 1
  [ "${v%%$'\n'*}" = "version: $FERRETDB_VERSION" ]
}

# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` is refused by the module proxy
# here, and a binary built from a dependency panics at start (FerretDB needs its
# build/version/version.txt, which is generated and not part of the module zip).
# So: the tools module scripts/tools/ferretdb pins and checksums the FerretDB module,
# `go mod download` fetches it, and we build a copy of its source with version.txt added.
_fdb_build() {
  local mod dir tmp rc=0
  mod="$ROOT/scripts/tools/ferretdb"
  tmp="$(mktemp -d)"
  # (no `set -e` here: it is ignored inside `if`, hence the && chain)
  (cd "$mod" &&
    go mod download github.com/FerretDB/FerretDB &&
    dir="$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)" &&
    test -d "$dir" &&
    cp -r "$dir" "$tmp/src" &&
    chmod -R u+w "$tmp/src" &&
    printf '%s\n' "$FERRETDB_VERSION" >"$tmp/src/build/version/version.txt" &&
    mkdir -p "$TOOLS/bin" &&
    cd "$tmp/src" &&
    go build -trimpath -o "$TOOLS/bin/ferretdb.new" ./cmd/ferretdb &&
    mv -f "$TOOLS/bin/ferretdb.new" "$TOOLS/bin/ferretdb") || rc=$?
  rm -rf "$tmp"
  [ "$rc" -eq 0 ] && _fdb_ok
}

mongodb_install() {
  _fdb_ok && return 0
  command -v go >/dev/null 2>&1 || die "Go is needed to build FerretDB (go not found in PATH)"
  quiet_install ferretdb "installing ferretdb ${FERRETDB_VERSION} (go build)" _fdb_build
}

mongodb_start() {
  local dir="$STACK/ferretdb"
  mkdir -p "$dir/state"
  launch mongodb "$dir" "$(_fdb_bin)" \
    --handler=sqlite \
    "--sqlite-url=file:$dir/" \
    --listen-addr=127.0.0.1:27018 \
    --debug-addr=127.0.0.1:8089 \
    "--state-dir=$dir/state" \
    --telemetry=disable
}

mongodb_ready() {
  tcp_open 127.0.0.1 27018 && [ "$(http_code http://127.0.0.1:8089/debug/readyz)" = 200 ]
}

mongodb_stop() { stop_pid mongodb "${SVC_MATCH[mongodb]}" 30; }

# ============================================================================
# Benchmark MongoDB engine (on demand): mongo-java-server with its in-memory backend,
# jars from Maven Central (scripts/tools/mongo-bench/pom.xml) and a tiny Java main.
# Nothing persists; it never expires TTL indexes and has no transactions or change streams.
# ============================================================================
MJS_VERSION=1.47.0
MJS_PORT=27019

_mjs_home() { printf '%s/mongo-java-server-%s\n' "$TOOLS" "$MJS_VERSION"; }

mongobench_apt_extra() {
  local p=""
  command -v mvn >/dev/null 2>&1 || p+=" maven"
  command -v javac >/dev/null 2>&1 || p+=" default-jdk-headless"
  printf '%s\n' "$p"
}

# Installed when the jars are there and the compiled main matches the source in the repository.
_mjs_ok() {
  local home
  home="$(_mjs_home)"
  [ -f "$home/lib/mongo-java-server-memory-backend-$MJS_VERSION.jar" ] &&
    [ -f "$home/classes/MongoBench.class" ] &&
    cmp -s "$home/classes/MongoBench.java" "$ROOT/scripts/tools/mongo-bench/MongoBench.java"
}

_mjs_fetch() {
  local home tmp rc=0
  home="$(_mjs_home)"
  tmp="$(mktemp -d)"
  (cp "$ROOT/scripts/tools/mongo-bench/pom.xml" "$ROOT/scripts/tools/mongo-bench/MongoBench.java" "$tmp/" &&
    cd "$tmp" &&
    mvn -q -B dependency:copy-dependencies -DoutputDirectory="$tmp/lib" &&
    javac -cp "$tmp/lib/*" -d "$tmp/classes" MongoBench.java &&
    cp MongoBench.java "$tmp/classes/" &&
    rm -rf "$home" &&
    mkdir -p "$home" &&
    mv "$tmp/lib" "$tmp/classes" "$home/") || rc=$?
  rm -rf "$tmp"
  [ "$rc" -eq 0 ] && _mjs_ok
}

mongobench_install() {
  _mjs_ok && return 0
  quiet_install mongobench "installing mongo-java-server ${MJS_VERSION} (maven central)" _mjs_fetch
}

mongobench_start() {
  local home dir
  home="$(_mjs_home)"
  dir="$STACK/mongobench"
  mkdir -p "$dir"
  launch mongobench "$dir" java -Xms64m -Xmx1g -XX:+UseSerialGC \
    -cp "$home/lib/*:$home/classes" MongoBench 127.0.0.1 "$MJS_PORT"
}

mongobench_ready() { tcp_open 127.0.0.1 "$MJS_PORT"; }

mongobench_stop() { stop_pid mongobench "${SVC_MATCH[mongobench]}" 30; }

# ============================================================================
# RabbitMQ (Debian rabbitmq-server): our own node tcal@localhost, not the Debian one
# ============================================================================
RMQ_NODE=tcal@localhost

# Environment of our node (own HOME => own Erlang cookie). We call /usr/lib/rabbitmq/bin
# directly: the /usr/sbin wrappers switch to the rabbitmq user and drop this environment.
_rmq_env() {
  local dir="$STACK/rabbitmq"
  RMQ_ENV=(
    "HOME=$dir"
    "RABBITMQ_NODENAME=$RMQ_NODE"
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
    "RABBITMQ_NODE_PORT=5673"
    "RABBITMQ_DIST_PORT=25673"
    "RABBITMQ_MNESIA_BASE=$dir/mnesia"
    "RABBITMQ_LOG_BASE=$dir/log"
    "RABBITMQ_LOGS=-"
    "RABBITMQ_PID_FILE=$dir/rabbitmq.pid"
    "RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins"
    "RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf"
    "RABBITMQ_ADVANCED_CONFIG_FILE=$dir/advanced.config"
    "RABBITMQ_CONF_ENV_FILE=$dir/rabbitmq-env.conf"
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
    "ERL_EPMD_ADDRESS=127.0.0.1"
  )
}

_rmq() {
  _rmq_env
  env "${RMQ_ENV[@]}" "$@"
}

rabbitmq_install() { :; }

rabbitmq_start() {
  local dir="$STACK/rabbitmq"
  mkdir -p "$dir/mnesia" "$dir/log"
  render "$ROOT/scripts/stack/rabbitmq.conf" "$dir/rabbitmq.conf"
  render "$ROOT/scripts/stack/rabbitmq-enabled-plugins" "$dir/enabled_plugins"
  [ -f "$dir/rabbitmq-env.conf" ] || printf '# intentionally empty: the stack sets the environment\n' >"$dir/rabbitmq-env.conf"
  _rmq_env
  launch rabbitmq "$dir" env "${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server
}

rabbitmq_ready() {
  tcp_open 127.0.0.1 5673 &&
    [ "$(http_code -u guest:guest http://127.0.0.1:15673/api/overview)" = 200 ]
}

rabbitmq_after() {
  local log="$LOGS/rabbitmq.log" code
  if ! _rmq /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RMQ_NODE" await_startup --timeout 30 >>"$log" 2>&1; then
    die "rabbitmqctl -n $RMQ_NODE await_startup failed" "$log"
  fi
  # Quorum queues need a healthy node: declare one and delete it.
  code="$(http_code -u guest:guest -X PUT -H 'content-type: application/json' \
    -d '{"durable":true,"auto_delete":false,"arguments":{"x-queue-type":"quorum"}}' \
    http://127.0.0.1:15673/api/queues/%2F/stack-check)"
  if [ "$code" != 201 ] && [ "$code" != 204 ]; then
    die "rabbitmq: declaring a quorum queue through the management API answered HTTP $code" "$log"
  fi
  http_code -u guest:guest -X DELETE http://127.0.0.1:15673/api/queues/%2F/stack-check >/dev/null
}

rabbitmq_stop() {
  local pid
  pid="$(read_pid rabbitmq)" || return 0
  if pid_alive rabbitmq "${SVC_MATCH[rabbitmq]}"; then
    _rmq /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RMQ_NODE" stop >>"$LOGS/rabbitmq.log" 2>&1 || true
    wait_pid_exit rabbitmq "$pid" 60
  fi
  rm -f "$(pidfile_of rabbitmq)"
}

# ============================================================================
# Redis (Debian redis-server)
# ============================================================================
redis_install() { :; }

redis_start() {
  mkdir -p "$STACK/redis"
  launch redis "$STACK/redis" /usr/bin/redis-server \
    --bind 127.0.0.1 --port 6380 --dir "$STACK/redis" \
    --daemonize no --logfile "" --save "" --appendonly no
}

redis_ready() {
  [ "$(timeout 3 redis-cli -h 127.0.0.1 -p 6380 ping 2>/dev/null)" = PONG ]
}

redis_stop() { stop_pid redis "${SVC_MATCH[redis]}" 30; }

# ============================================================================
# OpenLDAP (Debian slapd): a private instance from a plain slapd.conf
# ============================================================================
LDAP_BASE="dc=twake,dc=test"
LDAP_ADMIN_DN="cn=admin,dc=twake,dc=test"
LDAP_ADMIN_PASSWORD="admin-secret"

ldap_install() { :; }

ldap_start() {
  local dir="$STACK/ldap"
  mkdir -p "$dir/db"
  if [ ! -s "$dir/rootpw" ]; then
    /usr/sbin/slappasswd -s "$LDAP_ADMIN_PASSWORD" >"$dir/rootpw"
  fi
  render "$ROOT/scripts/stack/slapd.conf" "$dir/slapd.conf" \
    "PIDFILE=$dir/slapd.pid" "ROOTPW=$(cat "$dir/rootpw")" "DBDIR=$dir/db"
  # -d 32768 ("none"): stay in the foreground (our pid file) and log only what is always
  # logged (errors) to .stack/logs/ldap.log; -d 0 would hide the errors.
  launch ldap "$dir" /usr/sbin/slapd -d 32768 -f "$dir/slapd.conf" -h ldap://127.0.0.1:3389/
}

_ldap_base_search() {
  timeout 5 ldapsearch -x -H ldap://127.0.0.1:3389 -b "$LDAP_BASE" -s base -LLL dn >/dev/null 2>&1
}

ldap_ready() {
  local rc=0
  _ldap_base_search || rc=$?
  # 0: found, 32: no such object (empty database): both mean slapd answers.
  [ "$rc" -eq 0 ] || [ "$rc" -eq 32 ]
}

# Seeds the directory once, when the base entry does not exist yet.
ldap_after() {
  local rc=0 log="$LOGS/ldap.log"
  _ldap_base_search || rc=$?
  [ "$rc" -eq 32 ] || return 0
  say "ldap: seeding from scripts/stack/ldap-seed.ldif"
  if ! ldapadd -x -H ldap://127.0.0.1:3389 -D "$LDAP_ADMIN_DN" -w "$LDAP_ADMIN_PASSWORD" \
    -f "$ROOT/scripts/stack/ldap-seed.ldif" >>"$log" 2>&1; then
    die "ldap: seeding with ldapadd failed" "$log"
  fi
}

ldap_stop() { stop_pid ldap "${SVC_MATCH[ldap]}" 30; }

# ============================================================================
# CalDAV/CardDAV: Debian radicale, run with Debian's python (/usr/bin/radicale)
# ============================================================================
dav_install() { :; }

dav_start() {
  local dir="$STACK/radicale"
  mkdir -p "$dir/collections"
  render "$ROOT/scripts/stack/radicale-rights" "$dir/rights"
  render "$ROOT/scripts/stack/radicale.conf" "$dir/config" \
    "RIGHTS=$dir/rights" "COLLECTIONS=$dir/collections"
  launch dav "$dir" /usr/bin/radicale --config "$dir/config"
}

dav_ready() { [ "$(http_code http://127.0.0.1:5232/.web/)" = 200 ]; }

dav_stop() { stop_pid dav "${SVC_MATCH[dav]}" 30; }

# ============================================================================
# MailDev (npm), on the project's Node 24
# ============================================================================
MAILDEV_VERSION=3.0.0

_maildev_dir() { printf '%s/maildev\n' "$TOOLS"; }

_maildev_ok() {
  local pkg
  pkg="$(_maildev_dir)/node_modules/maildev/package.json"
  [ -f "$pkg" ] && grep -q "\"version\": *\"$MAILDEV_VERSION\"" "$pkg"
}

maildev_install() {
  ensure_node
  _maildev_ok && return 0
  mkdir -p "$(_maildev_dir)"
  quiet_install maildev "installing maildev ${MAILDEV_VERSION} (npm)" \
    npm install --prefix "$(_maildev_dir)" --no-audit --no-fund --loglevel=error "maildev@${MAILDEV_VERSION}"
}

maildev_start() {
  local dir="$STACK/maildev"
  ensure_node
  mkdir -p "$dir/mail"
  local main
  # the package's "bin" entry (dist/bin/maildev.js in 3.x), run with the project's Node
  main="$(readlink -f "$(_maildev_dir)/node_modules/.bin/maildev")"
  launch maildev "$dir" "$(node_bin_dir)/node" "$main" \
    --smtp 1025 --ip 127.0.0.1 \
    --web 1080 --web-ip 127.0.0.1 \
    --mail-directory "$dir/mail"
}

maildev_ready() {
  tcp_open 127.0.0.1 1025 && [ "$(http_code http://127.0.0.1:1080/api/healthz)" = 200 ]
}

maildev_stop() { stop_pid maildev "${SVC_MATCH[maildev]}" 30; }
