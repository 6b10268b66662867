# Sourced by the bench scripts: builds the service with the bench-only build profile (adds GET /bench/302) into
# target/bench-app, starts it on embedded PostgreSQL and Kafka with demo data, and defines helpers:
# sql (psql on its database), json, login (local login → token), summary (wrk output → "req/s p50_ms p99_ms errors").
# BENCH_KAFKA: "embedded" (the default here) runs the broker in the service's JVM, as the local run does; "process"
# runs the same broker in a JVM of its own (bench/Broker.java), as production runs its broker apart from the service.
port=${BENCH_PORT:-18080}; pg_port=$((port + 36250)); kafka_port=$((port + 1112))
base="http://127.0.0.1:$port"
kafka_mode=${BENCH_KAFKA:-embedded}
case "$kafka_mode" in embedded | process) ;; *) echo "BENCH_KAFKA is embedded or process, not $kafka_mode" >&2; exit 1 ;; esac
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
if [ "$kafka_mode" = process ]; then
  echo "== starting Kafka in a JVM of its own on 127.0.0.1:$kafka_port"
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "target/bench-app/app/*:target/bench-app/lib/main/*:target/bench-app/lib/boot/*" \
    bench/Broker.java "$data/kafka" "$kafka_port" >"$data/kafka.log" 2>&1 &
  kafka_pid=$!
  await broker "$kafka_pid" "$data/kafka.log" grep -q '^ready$' "$data/kafka.log"
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
fi

echo "== starting on $base (data and log in $data)"
QUARKUS_PROFILE=local QUARKUS_HTTP_PORT=$port FYRTARN_DATA_DIR=$data FYRTARN_PG_PORT=$pg_port \
  FYRTARN_KAFKA_PORT=$kafka_port FYRTARN_PUBLIC_URL=$base QUARKUS_LOG_LEVEL=WARN \
  java ${JAVA_OPTS:-} -jar target/bench-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
await service "$pid" "$log" curl -fs -o /dev/null "$base/q/health/ready"

export PGPASSWORD=postgres
sql() { psql -qtA -h 127.0.0.1 -p "$pg_port" -U postgres -d fyrtarn -c "$1"; }
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
