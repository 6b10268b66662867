# Sourced by the bench scripts: builds the service with the bench-only build profile (adds GET /bench/302) into
# target/bench-app, starts it on embedded PostgreSQL and Kafka (or on those BENCH_PG and BENCH_KAFKA name) with the
# demo organisation (without its activity: fyrtarn.demo-activity), and defines helpers: sql (psql on its database;
# libpq's PG* variables name it), json, login (local login → token), summary (wrk output → "req/s p50_ms p99_ms
# errors"), publish (a post, approved), bench_post and tracked_code (the benches' post and a share's tracked link), load (wrk on a URL), share_load (wrk on a share endpoint), judged,
# settle and judged_rate (the click pipeline), pgbench_inserts (PostgreSQL's own insert rate), cpu_ticks and cpu_per (CPU per operation), ratio, reaches and
# start_broker.
# BENCH_KAFKA: "embedded" (the default here) runs the broker in the service's JVM, as the local run does; "process"
# runs the same broker in a JVM of its own (bench/Broker.java), as production runs its broker apart from the service.
# BENCH_KAFKA=external: a broker you run, wherever you like, named by KAFKA_BOOTSTRAP_SERVERS (its topics are created
# at start if missing).
# BENCH_BROKER_NICE: the nice value (0 to 19, default 0) of the broker's JVM with BENCH_KAFKA=process. On a machine of
# its own, as in production, a broker takes no CPU from the service; at 10 it still shares the bench's cores, but
# gets what the service and wrk leave idle first.
# BENCH_PG_DURABLE: "false" (the default here, and of the benches of clicks and leaderboards) runs the embedded
# PostgreSQL as the local run does, without fsync and with synchronous_commit=off; "true" (bench/run's and
# bench/shares-held's default, which compare shares with pgbench) makes every commit wait for its WAL on disk, as a
# production server does (fyrtarn.pg-durable).
# BENCH_PG=external: a PostgreSQL server you run, wherever you like, instead of the embedded one, named the way psql
# and pgbench read it: PGHOST, PGPORT (5432), PGUSER, PGPASSWORD, PGDATABASE (fyrtarn). The database must exist; the
# bench migrates it and adds the demo organisation and its own posts and shares, so give it one of its own (a fresh one
# for each bench/leaderboard, whose generated employees would clash with an earlier run's). Its own
# settings decide durability (BENCH_PG_DURABLE does not apply); the reports show its fsync and synchronous_commit.
# pgbench and the bench's queries run on the service's database either way.
port=${BENCH_PORT:-18080}; pg_port=$((port + 36250)); kafka_port=$((port + 1112))
base="http://127.0.0.1:$port"
kafka_mode=${BENCH_KAFKA:-embedded}
case "$kafka_mode" in
  embedded | process) unset KAFKA_BOOTSTRAP_SERVERS ;;
  external)
    [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || { echo "BENCH_KAFKA=external: set KAFKA_BOOTSTRAP_SERVERS" >&2; exit 1; } ;;
  *) echo "BENCH_KAFKA is embedded, process or external, not $kafka_mode" >&2; exit 1 ;;
esac
broker_nice=${BENCH_BROKER_NICE:-0}
case "$broker_nice" in
  [0-9] | 1[0-9]) ;;
  *) echo "BENCH_BROKER_NICE is 0 to 19, not $broker_nice" >&2; exit 1 ;;
esac
# the broker, for the reports: "Kafka embedded", "Kafka process", "Kafka process at nice 10", "Kafka external"
kafka_described() {
  echo "Kafka $kafka_mode$( [ "$kafka_mode" = process ] && [ "$broker_nice" != 0 ] && echo " at nice $broker_nice")"
}
pg_durable=${BENCH_PG_DURABLE:-false}
case "$pg_durable" in true | false) ;; *) echo "BENCH_PG_DURABLE is true or false, not $pg_durable" >&2; exit 1 ;; esac
pg_mode=${BENCH_PG:-embedded}
case "$pg_mode" in
  embedded)
    unset QUARKUS_DATASOURCE_JDBC_URL QUARKUS_DATASOURCE_USERNAME QUARKUS_DATASOURCE_PASSWORD
    export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGPASSWORD=postgres PGDATABASE=fyrtarn ;;
  external)
    [ -n "${PGHOST:-}" ] || { echo "BENCH_PG=external needs PGHOST (and PGUSER, PGPASSWORD, …)" >&2; exit 1; }
    export PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-fyrtarn}
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
    export QUARKUS_DATASOURCE_USERNAME=${PGUSER:-$(id -un)}
    [ -z "${PGPASSWORD:-}" ] || export QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD
    psql -qtA -c 'select 1' >/dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT/$PGDATABASE" >&2; exit 1; } ;;
  *) echo "BENCH_PG is embedded or external, not $pg_mode" >&2; exit 1 ;;
esac
data=$(mktemp -d /tmp/fyrtarn-bench.XXXXXX)
log="$data/service.log"

echo "== building (bench profile) into target/bench-app"
./mvnw -B -q package -DskipTests -Dquarkus.profile=bench -Dquarkus.package.output-directory=bench-app

# `|| true`: a JVM exits 143 on SIGTERM, which under `set -e` would end the trap before the data is removed
stop() { [ -z "$1" ] || { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }; }
# the broker (if of its own) after the service, whose consumers commit their offsets as they close
pid=; kafka_pid=
trap 'stop "$pid"; stop "$kafka_pid"; rm -rf "$data"' EXIT
# await WHAT PID LOG COMMAND...: waits up to a minute until COMMAND succeeds; ends the bench, showing LOG, if the
# process PID dies first or the minute passes
await() {
  local what=$1 process=$2 logfile=$3; shift 3
  for _ in $(seq 1 120); do
    "$@" && return 0
    kill -0 "$process" 2>/dev/null || { echo "$what died:"; tail -50 "$logfile"; exit 1; }
    sleep 0.5
  done
  echo "$what not ready"; tail -50 "$logfile"; exit 1
}
# the broker in a JVM of its own (BENCH_KAFKA=process), on its data in $data/kafka: at start, and again after a
# bench stopped it (bench/shares-held)
start_broker() {
  echo "== starting Kafka in a JVM of its own on 127.0.0.1:$kafka_port"
  nice -n "$broker_nice" java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "target/bench-app/app/*:target/bench-app/lib/main/*:target/bench-app/lib/boot/*" \
    bench/Broker.java "$data/kafka" "$kafka_port" >>"$data/kafka.log" 2>&1 &
  kafka_pid=$!
  await broker "$kafka_pid" "$data/kafka.log" grep -q '^ready$' "$data/kafka.log"
}
if [ "$kafka_mode" = process ]; then
  start_broker
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
fi

echo "== starting on $base (data and log in $data)"
QUARKUS_PROFILE=local QUARKUS_HTTP_PORT=$port FYRTARN_DATA_DIR=$data FYRTARN_PG_PORT=$pg_port \
  FYRTARN_PG_DURABLE=$pg_durable FYRTARN_KAFKA_PORT=$kafka_port FYRTARN_PUBLIC_URL=$base QUARKUS_LOG_LEVEL=WARN \
  FYRTARN_DEMO_ACTIVITY=false \
  java ${JAVA_OPTS:-} -jar target/bench-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
await service "$pid" "$log" curl -fs -o /dev/null "$base/q/health/ready"

sql() { psql -qtA -c "$1"; }
# the server's durability, for the reports: "embedded|external PostgreSQL, fsync on|off, synchronous_commit …"
pg_described() {
  echo "$pg_mode PostgreSQL, $(sql "select 'fsync ' || current_setting('fsync') || ', synchronous_commit ' ||
    current_setting('synchronous_commit')")"
}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() { curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\"}" "$base/api/dev/login" | json '["token"]'; }
# wrk output → "requests/s p50_ms p99_ms"
summary() {
  python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\b", text, re.M)
    if not m: return float("nan")
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print("%.0f %.2f %.2f %s" % (rps, ms("50"), ms("99"), errors.group(1) if errors else 0))'
}
# publish JSON: creates a post as $marketing, submits it, approves it as $editor, and prints its id
publish() {
  local id
  id=$(curl -fs -H "Authorization: Bearer $marketing" -H 'Content-Type: application/json' -d "$1" "$base/api/posts" \
    | json '["id"]')
  curl -fs -o /dev/null -X POST -H "Authorization: Bearer $marketing" "$base/api/posts/$id/submit"
  curl -fs -o /dev/null -X POST -H "Authorization: Bearer $editor" "$base/api/posts/$id/approve"
  echo "$id"
}
# share_load SECONDS [PATH]: 16 connections of shares by $employee, each recording one (no Idempotency-Key), on PATH
# (the share endpoint of $post unless given); prints summary's "req/s p50_ms p99_ms errors"
share_load() {
  BENCH_TOKEN=$employee wrk -t"${threads:-1}" -c16 -d"${1}s" --latency -s bench/share.lua \
    "$base${2:-/api/posts/$post/shares}" | summary
}
# cpu_ticks: CPU time used so far, in clock ticks: "SERVICE BROKER MACHINE", the service's JVM, the broker's (0 unless
# a JVM of its own here) and all of this machine's cores busy
cpu_ticks() {
  local broker=0
  [ -z "$kafka_pid" ] || broker=$(awk '{ print $14 + $15 }' "/proc/$kafka_pid/stat")
  echo "$(awk '{ print $14 + $15 }' "/proc/$pid/stat") $broker" \
    "$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
}
# cpu_per BEFORE AFTER N: the CPU two cpu_ticks took between them per N operations, in µs to a tenth: "SERVICE BROKER
# REST" (REST: the machine's busy time neither JVM used)
cpu_per() {
  python3 -c '
import sys
before, after = ([int(t) for t in a.split()] for a in sys.argv[1:3])
service, broker, machine = (y - x for x, y in zip(before, after))
n, tick_us = int(sys.argv[3]), 1e6 / int(sys.argv[4])
per = lambda ticks: ticks * tick_us / n if n else float("nan")
print("%.1f %.1f %.1f" % (per(service), per(broker), per(machine - service - broker)))' \
    "$1" "$2" "$3" "$(getconf CLK_TCK)"
}
# load CONNECTIONS SECONDS URL: wrk on URL, paced by PACE_MS (0: as fast as it answers); prints summary's "req/s
# p50_ms p99_ms errors"
load() { wrk -t"${threads:-1}" -c"$1" -d"${2}s" --latency -s bench/pace.lua "$3" | summary; }
# Clicks the click consumer has judged so far, counted or not (it stores only the counted ones).
judged() { curl -fs "$base/q/metrics" | awk '/^fyrtarn_clicks_judged_total/ { sum += $2 } END { printf "%d", sum }'; }
# Waits until the click pipeline is idle: nothing queued, nothing unsent, and the consumer stopped judging (its last
# second idle).
settle() {
  local before=-1 now
  for _ in $(seq 1 600); do
    now="$(sql "select count(*) from outbox_event") $(judged)"
    queued=$(curl -fs "$base/q/metrics" | sed -n 's/^fyrtarn_clicks_queued \([0-9.]*\).*/\1/p')
    if [ "${now%% *}" = 0 ] && [ "${queued%.*}" = 0 ] && [ "${now#* }" = "$before" ]; then return 0; fi
    before=${now#* }; sleep 1
  done
  echo "click pipeline did not settle" >&2
}
# judged_rate CLICKS STARTED: CLICKS judged since STARTED (date +%s.%N), per second, right after settle returned (less
# its last second, idle)
judged_rate() { python3 -c "print(int($1 / ($(date +%s.%N) - $2 - 1)))"; }
# bench_post: the benches' post (LinkedIn and X, everyone's audience), published by $marketing and $editor; its id
bench_post() {
  publish '{"title":"Bench", "body":"Benchmark post","url":"https://example.com/bench?ref=1","topics":["bench"],
    "networks":["LINKEDIN","X"],"captions":[{"network":"LINKEDIN","text":"Les dette"}],"audience":{"teams":[]},
    "campaign":"bench"}'
}
# tracked_code NETWORK: $employee shares $post on NETWORK; the code of the tracked link the share answers
tracked_code() {
  local tracked
  tracked=$(curl -fs -H "Authorization: Bearer $employee" -H 'Content-Type: application/json' \
    -d "{\"network\":\"$1\"}" "$base/api/posts/$post/shares" | json '["trackedUrl"]')
  echo "${tracked##*/}"
}
# ratio A B: A / B to two decimals
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
# reaches A B TARGET: met when A / B is at least TARGET, judged unrounded (0.398, which ratio prints as 0.40, is missed)
reaches() { python3 -c "print('met' if $1 / $2 >= $3 else 'missed')"; }
# pgbench_inserts SECONDS: PostgreSQL's own single-row insert rate (16 clients) on the service's database, in tps
pgbench_inserts() {
  [ -f "$data/insert.sql" ] || {
    # an external database may still hold the table of a bench that was interrupted
    sql 'set client_min_messages = warning; drop table if exists bench_insert;
         create table bench_insert (id bigserial primary key, at timestamptz not null, note text)'
    echo 'insert into bench_insert (at, note) values (now(), '"'"'bench'"'"');' > "$data/insert.sql"
  }
  pgbench -n -c 16 -j "${threads:-1}" -T "$1" -f "$data/insert.sql" \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
