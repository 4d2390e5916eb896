#!/usr/bin/env bash
# Huiwen against nginx serving the same bytes. Starts the jar (fresh data directory, demo articles),
# saves what it answers for an article page, the home page, a category page and a search, and lets
# Debian's nginx serve those saved bytes as static files from a second port; then wrk loads both,
# one after the other on each path at each connection count, in the same run. Prints one line per
# path and connection count: req/s of each, the ratio, p50/p99 latency and errors, the CPU time each
# spent per request (the JVM's whole process, nginx's workers: the figure that other load on the
# machine disturbs least), and the load average.
#   bench/serve.sh [SECONDS] [CONNECTIONS...]      (default 10 s; 8 64 256)
#   JAR=/path/to/other.jar bench/serve.sh           measures another build (a "before")
#   WARMUP=30 bench/serve.sh                        seconds of load per path before measuring (default 15;
#                                                   on a busy machine the JIT needs longer)
# Needs wrk and nginx (apt-get install wrk nginx-light).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
shift || true
if [ $# -gt 0 ]; then conns=("$@"); else conns=(8 64 256); fi
jar=${JAR:-$here/target/huiwen.jar}
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 2; }

work=$(mktemp -d /tmp/huiwen-serve-XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
nginx_port=$(free_port)
. "$here/bench/portal.sh"
server=
nginx_pid=
cleanup() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT
start_portal "$jar" "$work/data"
id=$(curl -s "$base/api/v1/latest?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
category=$(curl -s "$base/api/v1/categories" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
paths=("/a/$id" "/" "/c/$category" "/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA")
names=("article" "home" "category" "search")

# nginx serves what Huiwen answered, byte for byte: the page, and the gzip bytes Huiwen sends a
# client that accepts gzip (gzip_static), so neither compresses per request in the comparison
mkdir -p "$work/static"
chmod a+rx "$work" "$work/static"   # nginx's workers run as another user
for i in "${!paths[@]}"; do
  curl -s -o "$work/static/${names[$i]}.html" "$base${paths[$i]}"
  curl -s -H 'Accept-Encoding: gzip' -o "$work/static/${names[$i]}.html.gz" "$base${paths[$i]}"
  gzip -t "$work/static/${names[$i]}.html.gz" 2>/dev/null || gzip -9 -c "$work/static/${names[$i]}.html" > "$work/static/${names[$i]}.html.gz"
  chmod a+r "$work/static/${names[$i]}.html" "$work/static/${names[$i]}.html.gz"
done
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  gzip off;
  gzip_static on;
  types { text/html html; }
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location / { try_files /\$arg_page.html =404; }
  }
}
CONF
mkdir -p "$work/tmp"
"$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

# CPU ticks (1/100 s) used so far by the given processes
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

# wrk's summary → "RPS P50_MS P99_MS ERRORS"
run_wrk() {
  local c=$1 url=$2 out
  out=$(wrk -t2 -c"$c" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' -H 'User-Agent: Mozilla/5.0 (bench)' "$url" 2>&1)
  echo "$out" | python3 -c '
import re, sys
t = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    if not m: return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
errs = 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
if m: errs += sum(int(x) for x in m.groups())
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if m: errs += int(m.group(1))
p50, p99 = ms("50"), ms("99")
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {errs}")'
}

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm up the JIT, the caches, and nginx's page cache
for i in "${!paths[@]}"; do
  wrk -t2 -c64 -d"${WARMUP:-15}s" -H 'Accept-Encoding: gzip' -H 'User-Agent: Mozilla/5.0 (bench)' "$base${paths[$i]}" > /dev/null 2>&1
  wrk -t2 -c16 -d2s "http://127.0.0.1:$nginx_port/?page=${names[$i]}" > /dev/null 2>&1
done
nginx_workers=$(pgrep -P "$nginx_pid" | tr '\n' ' ')
for c in "${conns[@]}"; do
  for i in "${!paths[@]}"; do
    h0=$(ticks "$server")
    read -r h_rps h_p50 h_p99 h_err < <(run_wrk "$c" "$base${paths[$i]}")
    h1=$(ticks "$server")
    # shellcheck disable=SC2086
    n0=$(ticks $nginx_workers)
    read -r n_rps n_p50 n_p99 n_err < <(run_wrk "$c" "http://127.0.0.1:$nginx_port/?page=${names[$i]}")
    # shellcheck disable=SC2086
    n1=$(ticks $nginx_workers)
    read -r ratio h_us n_us < <(python3 -c "
h, n = $h_rps, $n_rps
print(f'{h / max(n, 1):.2f} {($h1 - $h0) * 1e4 / max(h * $seconds, 1):.1f} {($n1 - $n0) * 1e4 / max(n * $seconds, 1):.1f}')")
    echo "SERVE path=${names[$i]} connections=$c huiwen_rps=$h_rps nginx_rps=$n_rps ratio=$ratio huiwen_p50_ms=$h_p50 huiwen_p99_ms=$h_p99 nginx_p99_ms=$n_p99 huiwen_errors=$h_err nginx_errors=$n_err huiwen_cpu_us_per_req=$h_us nginx_cpu_us_per_req=$n_us load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
