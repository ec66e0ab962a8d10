#!/usr/bin/env bash
# `npm run topology:down`: stops what up.sh started. `--purge` also deletes its databases.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/topology/env.sh
[ -d "$T" ] || exit 0
[ -f "$T/nginx.pid" ] && nginx -c "$T/nginx.conf" -p "$T" -s quit 2>/dev/null
for name in api1 api2 api3 worker1 worker2; do
  [ -f "$T/$name.pid" ] && kill "$(cat "$T/$name.pid")" 2>/dev/null
  rm -f "$T/$name.pid"
done
[ -f "$T/pgbouncer.pid" ] && kill "$(cat "$T/pgbouncer.pid")" 2>/dev/null
for db in replica primary; do
  [ -f "$T/$db/PG_VERSION" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$T/$db" -m fast -w stop >/dev/null 2>&1
done
if [ "${1:-}" = "--purge" ]; then rm -rf "$T"; fi
echo "Lotline topology is down"
