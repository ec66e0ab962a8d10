#!/usr/bin/env bash
# `npm run topology:up`: a local production-shaped Lotline on 127.0.0.1 — PostgreSQL primary and a
# streaming replica (pg_basebackup), PgBouncer in transaction mode in front of the primary, nginx
# balancing 3 API processes, and 2 worker processes. State and logs in $LOTLINE_TOPOLOGY_DIR
# (default ./data/topology). Installs the Debian packages it needs (pgbouncer, nginx).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/topology/env.sh

need() { command -v "$1" >/dev/null || { apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y "$2" >/dev/null; }; }; }
need pgbouncer pgbouncer
need nginx nginx
as_pg() { runuser -u postgres -- "$@"; }

mkdir -p "$T"
chown postgres "$T"

# --- PostgreSQL primary ---------------------------------------------------------------------
if [ ! -f "$T/primary/PG_VERSION" ]; then
  as_pg "$PG_BIN/initdb" -D "$T/primary" -U postgres -A trust --no-sync >/dev/null
  cat >> "$T/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$T'
wal_level = replica
max_wal_senders = 5
hot_standby = on
max_connections = 200
CONF
fi
as_pg "$PG_BIN/pg_ctl" -D "$T/primary" -l "$T/primary.log" -w status >/dev/null 2>&1 ||
  as_pg "$PG_BIN/pg_ctl" -D "$T/primary" -l "$T/primary.log" -w start >/dev/null
psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'lotline'" | grep -q 1 ||
  psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qc 'CREATE DATABASE lotline'

# --- streaming replica ----------------------------------------------------------------------
if [ ! -f "$T/replica/PG_VERSION" ]; then
  as_pg pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$T/replica" -R -X stream
  echo "port = $REPLICA_PORT" >> "$T/replica/postgresql.auto.conf"
fi
as_pg "$PG_BIN/pg_ctl" -D "$T/replica" -l "$T/replica.log" -w status >/dev/null 2>&1 ||
  as_pg "$PG_BIN/pg_ctl" -D "$T/replica" -l "$T/replica.log" -w start >/dev/null

# --- PgBouncer (transaction pooling) --------------------------------------------------------
cat > "$T/pgbouncer.ini" <<CONF
[databases]
lotline = host=127.0.0.1 port=$PRIMARY_PORT dbname=lotline
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir = $T
auth_type = trust
auth_file = $T/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
ignore_startup_parameters = extra_float_digits,options
logfile = $T/pgbouncer.log
pidfile = $T/pgbouncer.pid
CONF
echo '"postgres" ""' > "$T/userlist.txt"
chown postgres "$T/pgbouncer.ini" "$T/userlist.txt"
[ -f "$T/pgbouncer.pid" ] && kill -0 "$(cat "$T/pgbouncer.pid")" 2>/dev/null || as_pg pgbouncer -d -q "$T/pgbouncer.ini"

# --- schema, then the processes --------------------------------------------------------------
DATABASE_URL="$PRIMARY_URL" node bin/lotline.js migrate >/dev/null
# PgBouncer 1.18 (Debian 12) in transaction mode cannot keep named statements.
export DATABASE_PREPARED_STATEMENTS=off
export DATABASE_URL="$BOUNCER_URL" DATABASE_READ_URL="$REPLICA_URL" LOTLINE_ADMIN_PASSWORD="${LOTLINE_ADMIN_PASSWORD:-Topology-Lotline-2026}"
export LOTLINE_KEY_FILE="$T/lotline.keys"
# One key for every process (made once; keep it apart from backups in a real deployment).
[ -f "$LOTLINE_KEY_FILE" ] || { umask 077; node bin/lotline.js keys generate > "$LOTLINE_KEY_FILE"; }
start() { # name, command…
  local name=$1; shift
  if [ -f "$T/$name.pid" ] && kill -0 "$(cat "$T/$name.pid")" 2>/dev/null; then return; fi
  nohup "$@" > "$T/$name.log" 2>&1 &
  echo $! > "$T/$name.pid"
}
wait_http() { for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
# The first API process creates the admin user; the others start once it has.
start api1 env PORT="${API_PORTS[0]}" node bin/lotline.js serve --no-worker
wait_http "http://127.0.0.1:${API_PORTS[0]}/readyz"
for i in 1 2; do start "api$((i + 1))" env PORT="${API_PORTS[$i]}" node bin/lotline.js serve --no-worker; done
for i in 1 2; do start "worker$i" node bin/lotline.js worker; done
for p in "${API_PORTS[@]}"; do wait_http "http://127.0.0.1:$p/readyz"; done

# --- nginx in front of the API processes ----------------------------------------------------
mkdir -p "$T/nginx"
{
  echo "worker_processes 1; pid $T/nginx.pid; error_log $T/nginx-error.log; user root;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; client_body_temp_path $T/nginx; proxy_temp_path $T/nginx;"
  echo "  upstream lotline { least_conn; keepalive 64;"
  for p in "${API_PORTS[@]}"; do echo "    server 127.0.0.1:$p;"; done
  echo "  }"
  echo "  server { listen 127.0.0.1:$LB_PORT; client_max_body_size 60m;"
  echo "    location / { proxy_pass http://lotline; proxy_http_version 1.1; proxy_set_header Connection '';"
  echo "      proxy_set_header Host \$http_host; proxy_set_header X-Forwarded-For \$remote_addr; } }"
  echo "}"
} > "$T/nginx.conf"
if [ -f "$T/nginx.pid" ] && kill -0 "$(cat "$T/nginx.pid")" 2>/dev/null; then nginx -c "$T/nginx.conf" -p "$T" -s reload; else nginx -c "$T/nginx.conf" -p "$T"; fi
wait_http "http://127.0.0.1:$LB_PORT/readyz"

echo "Lotline topology is up: http://127.0.0.1:$LB_PORT/ (nginx → APIs on ${API_PORTS[*]}, 2 workers)"
echo "  primary $PRIMARY_URL · replica $REPLICA_URL · PgBouncer $BOUNCER_URL · state in $T"
