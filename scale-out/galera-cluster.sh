#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine's loopback, for trying Portico on Galera (README, "Running
# several servers"). Needs Debian's mariadb-server and galera-4 (apt-get install mariadb-server galera-4).
#
#   scale-out/galera-cluster.sh start   initialise (first time) and start nodes 1-3; node 1 bootstraps the cluster
#   scale-out/galera-cluster.sh status  each node's wsrep state, cluster size and conflict counters
#   scale-out/galera-cluster.sh stop    stop the three nodes (node 3, 2, then 1)
#
# Node i listens for SQL on GALERA_PORT + i - 1 (default 3307, 3308, 3309), for replication on GALERA_GCOMM_PORT
# (4567) + 10 * (i - 1), for IST on that + 1 and for SST on that + 2, all on 127.0.0.1. Data in GALERA_DIR (default
# ~/.portico/galera; as root /var/lib/portico-galera, owned by mysql). The account portico may use the database portico;
# its password is GALERA_PASSWORD when the cluster is first made, else one generated then, kept in GALERA_DIR/portico-password
# (mode 0600; start says where): PORTICO_DB_PASSWORD="$(cat ~/.portico/galera/portico-password)".
set -euo pipefail

# As root the nodes run as the mysql user (Debian's rsync SST cannot write a root-owned data directory).
if [ "$(id -u)" -eq 0 ]; then
    dir="${GALERA_DIR:-/var/lib/portico-galera}"
    user_opt=(--user=mysql)
else
    dir="${GALERA_DIR:-$HOME/.portico/galera}"
    user_opt=()
fi
sql_port="${GALERA_PORT:-3307}"
gcomm="${GALERA_GCOMM_PORT:-4567}"
password_file="$dir/portico-password"
provider="${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"

node_port() { echo $((sql_port + $1 - 1)); }
gcomm_port() { echo $((gcomm + 10 * ($1 - 1))); }

config() {
    local i=$1
    local base="$dir/node$i"
    cat <<CNF
[mariadbd]
datadir=$base/data
socket=$base/mariadbd.sock
pid-file=$base/mariadbd.pid
log-error=$base/error.log
port=$(node_port "$i")
bind-address=127.0.0.1
binlog_format=ROW
# The schema's triggers (FeatherBase's catalog version) are created by the portico account, without SUPER.
log_bin_trust_function_creators=1
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=256M
innodb_flush_log_at_trx_commit=2
# Portico reads what another node committed a moment ago (a user changed through another server): causal reads.
wsrep_sync_wait=1
wsrep_on=ON
wsrep_provider=$provider
wsrep_cluster_name=portico
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:$(gcomm_port "$i")
wsrep_cluster_address=gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(( $(gcomm_port "$i") + 1 ));gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(( $(gcomm_port "$i") + 2 ))
CNF
}

client() {
    local i=$1; shift
    mariadb --no-defaults --socket="$dir/node$i/mariadbd.sock" -u "$(id -un)" "$@"
}

wait_synced() {
    local i=$1 deadline=$((SECONDS + 120))
    until [ "$(client "$i" -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ]; do
        [ $SECONDS -lt $deadline ] || { echo "node $i not synced; see $dir/node$i/error.log" >&2; exit 1; }
        sleep 1
    done
}

start_node() {
    local i=$1
    local base="$dir/node$i"; shift
    mkdir -p "$base"
    config "$i" > "$base/my.cnf"
    [ "$(id -u)" -eq 0 ] && chown -R mysql:mysql "$dir"
    if [ ! -d "$base/data/mysql" ]; then
        mariadb-install-db --defaults-file="$base/my.cnf" "${user_opt[@]}" --auth-root-authentication-method=socket \
            --skip-test-db --wsrep-on=OFF >"$base/install.log" 2>&1
    fi
    # A node started in the background with mariadbd-safe-like care: its own process group, output in error.log.
    setsid /usr/sbin/mariadbd --defaults-file="$base/my.cnf" "${user_opt[@]}" "$@" </dev/null >/dev/null 2>&1 &
    wait_synced "$i"
    echo "node $i synced on 127.0.0.1:$(node_port "$i")"
}

start() {
    command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || { echo "install mariadb-server and galera-4 first" >&2; exit 1; }
    [ -f "$provider" ] || { echo "no Galera provider at $provider (apt-get install galera-4)" >&2; exit 1; }
    local fresh=false
    [ -d "$dir/node1/data/mysql" ] || fresh=true
    # Node 1 starts a new cluster only if it was the last to stop (safe_to_bootstrap) or is new.
    start_node 1 --wsrep-new-cluster
    start_node 2
    start_node 3
    if $fresh; then
        local password="${GALERA_PASSWORD:-}"
        if [ -z "$password" ]; then
            password="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
        fi
        (umask 077 && printf '%s\n' "$password" > "$password_file")
        client 1 -e "CREATE DATABASE IF NOT EXISTS portico;
            CREATE USER IF NOT EXISTS 'portico'@'127.0.0.1' IDENTIFIED BY '$password';
            CREATE USER IF NOT EXISTS 'portico'@'localhost' IDENTIFIED BY '$password';
            GRANT ALL ON portico.* TO 'portico'@'127.0.0.1'; GRANT ALL ON portico.* TO 'portico'@'localhost';"
    fi
    if [ -f "$password_file" ]; then
        echo "account portico, password in $password_file"
    else
        echo "account portico: this cluster was made before its password was kept in $password_file (then GALERA_PASSWORD, else portico-galera); write it there, or make the cluster afresh" >&2
    fi
    status
}

status() {
    for i in 1 2 3; do
        printf 'node %s (127.0.0.1:%s): ' "$i" "$(node_port "$i")"
        client "$i" -N -e "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size',
            'wsrep_local_cert_failures','wsrep_local_bf_aborts')" 2>/dev/null | tr '\t\n' '= ' || printf 'down'
        echo
    done
}

stop() {
    for i in 3 2 1; do
        local pidfile="$dir/node$i/mariadbd.pid"
        if [ -f "$pidfile" ]; then
            local pid
            pid="$(cat "$pidfile")"
            kill "$pid" 2>/dev/null || true
            while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
            echo "node $i stopped"
        fi
    done
}

case "${1:-}" in
    start) start ;;
    status) status ;;
    stop) stop ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
