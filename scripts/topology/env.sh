# Ports, paths and URLs of the local topology (sourced by up.sh, down.sh and the topology test).
T="${LOTLINE_TOPOLOGY_DIR:-$PWD/data/topology}"
PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"
PRIMARY_PORT=55432
REPLICA_PORT=55433
BOUNCER_PORT=56432
LB_PORT=58080
API_PORTS=(53101 53102 53103)
PRIMARY_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/lotline"
REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/lotline"
BOUNCER_URL="postgres://postgres@127.0.0.1:$BOUNCER_PORT/lotline"
