#!/usr/bin/env bash
# Runs Docs/nginx/photocheck.conf with Debian's nginx (make setup) in front of two real
# `photocheck serve` instances on loopback ports 8081 and 8082 (the config's own ports), all as
# this user in a temporary folder, and checks through nginx: the page, a check of a reference
# photo, that both instances answered, an upload over 10 MB refused with 413, and the security
# headers passed through. Exit 0 when all hold. Usage: Scripts/test-nginx.sh [photocheck binary]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/photocheck}
nginx=/usr/sbin/nginx
[ -x "$nginx" ] || { echo "test-nginx: $nginx is missing (make setup)"; exit 1; }
[ -x "$binary" ] || { echo "test-nginx: $binary is missing (swift build)"; exit 1; }
dir=$(mktemp -d /tmp/photocheck-nginx.XXXXXX)
pids=()
cleanup() {
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for port in 8081 8082; do
  "$binary" serve --port "$port" > "$dir/serve-$port.log" 2>&1 &
  pids+=($!)
done
# The tested file, included as it is, inside a minimal main config that runs as this user.
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  include $PWD/Docs/nginx/photocheck.conf;
}
CONF
"$nginx" -t -c "$dir/nginx.conf" -p "$dir" 2>&1 | tail -1
"$nginx" -c "$dir/nginx.conf" -p "$dir"
for _ in $(seq 100); do
  curl -fsS http://127.0.0.1:8081/healthz >/dev/null 2>&1 && curl -fsS http://127.0.0.1:8082/healthz >/dev/null 2>&1 && break
  sleep 0.1
done
fail=0
expect() { if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1 (got '$2', want '$3')"; fail=1; fi; }
expect "page through nginx" "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/)" 200
headers=$(curl -s -D - -o /dev/null http://127.0.0.1:8080/)
expect "CSP passed through" "$(grep -ci '^content-security-policy:' <<<"$headers")" 1
expect "nosniff passed through" "$(grep -ci '^x-content-type-options: nosniff' <<<"$headers")" 1
photo=Fixtures/real/frll-005-blue-480x640.jpg
for i in 1 2 3 4; do
  verdict=$(curl -s -H 'Content-Type: image/jpeg' --data-binary @"$photo" 'http://127.0.0.1:8080/api/check?picture=0' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["photos"][0]["verdict"])')
  expect "check $i through nginx" "$verdict" pass
done
# least_conn with sequential requests spreads them over both instances.
for port in 8081 8082; do
  answered=$(grep -c 'verdict=pass' "$dir/serve-$port.log" || true)
  expect "instance $port answered checks" "$([ "$answered" -ge 1 ] && echo yes || echo "no ($answered)")" yes
done
head -c 11000000 /dev/zero > "$dir/big.jpg"
expect "11 MB refused by nginx" "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: image/jpeg' --data-binary @"$dir/big.jpg" http://127.0.0.1:8080/api/check)" 413
# Nothing of the photos reached nginx's temporary folders.
expect "nothing spooled to disk" "$(find "$dir/body" "$dir/proxy" -type f 2>/dev/null | wc -l)" 0
exit $fail
