# Sourced by the bench scripts that load a running portal: start_portal JAR DATA_DIR [OPTION...]
# starts the jar on a free loopback port with the given options (collection off), waits until
# it declares itself ready and sets $server (its pid), $port and $base; the server's output goes
# to DATA_DIR.log. The caller stops it (kill $server).
start_portal() {
  local jar=$1 data=$2
  shift 2
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  java -Xmx1g -jar "$jar" --server.port="$port" --huiwen.data-dir="$data" --huiwen.collect.enabled=false "$@" > "$data.log" 2>&1 &
  server=$!
  base=http://127.0.0.1:$port
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness")" = 200 ] && return 0
    kill -0 "$server" 2>/dev/null || { echo "the server died; see $data.log" >&2; exit 1; }
    sleep 1
  done
  echo "the server was not ready in 180 s; see $data.log" >&2
  exit 1
}
