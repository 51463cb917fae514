#!/usr/bin/env bash
# Runs N Portico servers on one machine and one MariaDB, with HAProxy in front (see README, "Running several servers").
#
#   scale-out/portico-servers.sh create N   copy the template server into portico-1..N (own ports, own logs)
#   scale-out/portico-servers.sh start N    start portico-1..N (bin/server start) and wait until each is ready
#   scale-out/portico-servers.sh haproxy N  write the HAProxy configuration for them and start HAProxy
#   scale-out/portico-servers.sh stop N     stop HAProxy and portico-1..N
#   scale-out/portico-servers.sh up N       create, start and haproxy
#   scale-out/portico-servers.sh config N   print the HAProxy configuration only
#
# Ports: HAProxy listens on the front ports (PORTICO_FRONT_*: 10080 HTTP, 10999 customer directory, 7969 FeatherBase,
# 2234 rental intake); server i listens on front port + i * PORTICO_PORT_STEP (100): portico-1 on 10180, 11099, 8069,
# 2334. The template (PORTICO_TEMPLATE, default portico: the server of `mvn -Prun package`) gives the configuration, the
# EAR (or PORTICO_EAR) and the database coordinates, so every server uses the template's database; set
# PORTICO_DB_HOST/PORT/NAME/USER/PASSWORD (portico.db.*) to point them elsewhere (any of them leaves the template's
# embedded database and its account: give the other database's user and password), and PORTICO_DB_PORTS=p1,p2,... to
# give server i the i-th port (one Galera node per server). HAProxy tells the servers each socket client's address with a
# PROXY protocol v2 header, and each HTTP client's in X-Forwarded-For; the servers believe both from PORTICO_PROXY_FROM
# only (IPv4 addresses, default 127.0.0.1: where this script's HAProxy connects from; health checks carry neither).
#
# Also: PORTICO_FRONT_HTTPS_PORT (server i's HTTPS on it + step * i; default: no HTTPS), PORTICO_EXPORT_FILE (the
# customer export file; default one per server in its output directory), PORTICO_LB_MAXCONN (HAProxy's connection
# limit, 8000), PORTICO_START_ONE_FIRST (start portico-1 alone first, as with PORTICO_DB_PORTS), PORTICO_READY_SECONDS
# (600), PORTICO_WLP (the Liberty install), PORTICO_SERVER_PREFIX (portico-), PORTICO_LB_DIR (HAProxy's files).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
wlp="${PORTICO_WLP:-$here/../ear/target/liberty/wlp}"
template="${PORTICO_TEMPLATE:-portico}"
prefix="${PORTICO_SERVER_PREFIX:-portico-}"
step="${PORTICO_PORT_STEP:-100}"
front_http="${PORTICO_FRONT_HTTP_PORT:-10080}"
front_customer="${PORTICO_FRONT_CUSTOMER_PORT:-10999}"
front_featherbase="${PORTICO_FRONT_FEATHERBASE_PORT:-7969}"
front_rental="${PORTICO_FRONT_RENTAL_PORT:-2234}"
lb_dir="${PORTICO_LB_DIR:-$wlp/usr/servers/.haproxy}"
ready_seconds="${PORTICO_READY_SECONDS:-600}"
lb_maxconn="${PORTICO_LB_MAXCONN:-8000}"
# Each server writes its own export file by default (command 8 lands on whichever server HAProxy chose).
default_export='${server.output.dir}/export/customers-data.txt'
export_file="${PORTICO_EXPORT_FILE:-$default_export}"
# Clients reach the servers through HAProxy, which names each one: a PROXY header on sockets (send-proxy-v2 below),
# X-Forwarded-For on HTTP (option forwardfor).
proxy_from="${PORTICO_PROXY_FROM:-127.0.0.1}"

# A value as an XML attribute's text.
xml_attr() {
    printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'
}

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -eq 2 ] || usage
command="$1"
count="$2"
[[ "$count" =~ ^[1-9][0-9]*$ ]] || usage

port() { echo $(( $1 + $2 * step )); }

# PORTICO_PROXY_FROM (comma-separated IPv4 addresses) as the regular expression Liberty's remoteIp matches peers with
# (the whole address; Liberty writes IPv6 peers in a long form, so IPv6 is not taken here).
proxies_regex() {
    local entry regex="" entries
    [[ "$proxy_from" != *$'\n'* ]] || { echo "PORTICO_PROXY_FROM: one line of addresses" >&2; exit 1; }
    IFS=, read -r -a entries <<< "$proxy_from"
    for entry in "${entries[@]}"; do
        entry="${entry// /}"
        [[ "$entry" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}$ ]] || { echo "PORTICO_PROXY_FROM: '$entry' is not an IPv4 address (networks and IPv6 are not taken here)" >&2; exit 1; }
        regex="${regex:+$regex|}${entry//./\\.}"
    done
    echo "$regex"
}

create() {
    local src="$wlp/usr/servers/$template"
    [ -f "$src/server.xml" ] || { echo "no template server at $src (run mvn -Prun package once, or set PORTICO_TEMPLATE)" >&2; exit 1; }
    local http_proxies other_database
    http_proxies="$(proxies_regex)"
    other_database="${PORTICO_DB_HOST:-}${PORTICO_DB_PORT:-}${PORTICO_DB_NAME:-}${PORTICO_DB_USER:-}${PORTICO_DB_PASSWORD:-}${PORTICO_DB_PORTS:-}"
    for i in $(seq 1 "$count"); do
        local dir="$wlp/usr/servers/$prefix$i"
        rm -rf "$dir"
        mkdir -p "$dir/dropins"
        cp -p "$src"/*.xml "$dir/"   # server.xml and what it includes (portico.xml)
        for f in jvm.options server.env; do
            [ -f "$src/$f" ] && cp -p "$src/$f" "$dir/"
        done
        [ -d "$src/configDropins" ] && cp -rp "$src/configDropins" "$dir/"
        if [ -n "${PORTICO_EAR:-}" ]; then
            cp -p "$PORTICO_EAR" "$dir/dropins/portico.ear"
        else
            cp -rp "$src/dropins/." "$dir/dropins/"
            [ -d "$src/apps" ] && cp -rp "$src/apps" "$dir/"
        fi
        # The template's properties, then this server's own ports and export file (later lines win).
        {
            [ -f "$src/bootstrap.properties" ] && grep -v '^portico\.\(http\|https\|customer\|featherbase\|rental\)\.port=' "$src/bootstrap.properties"
            echo "portico.http.port=$(port "$front_http" "$i")"
            # HTTPS: server i on PORTICO_FRONT_HTTPS_PORT + step * i when given (HAProxy does not front it); off otherwise.
            if [ -n "${PORTICO_FRONT_HTTPS_PORT:-}" ]; then echo "portico.https.port=$(port "$PORTICO_FRONT_HTTPS_PORT" "$i")"; else echo "portico.https.port=-1"; fi
            echo "portico.customer.port=$(port "$front_customer" "$i")"
            echo "portico.featherbase.port=$(port "$front_featherbase" "$i")"
            echo "portico.rental.port=$(port "$front_rental" "$i")"
            echo "portico.customer.exportFile=$export_file"
            echo "portico.listen.proxyProtocolFrom=$proxy_from"
            # Another database: the template's embedded-database file (its address and account) must not be included.
            # Liberty resolves an include's location while it reads server.xml, before any override: so here.
            if [ -n "$other_database" ]; then echo "portico.db.credentialsFile=\${server.config.dir}/no-embedded-database-credentials.xml"; fi
        } > "$dir/bootstrap.properties"
        # Another database: its settings go into an override of this server's own, which Liberty reads after the
        # template's (the Maven plugin's -Dliberty.var.* file among them). Liberty expands ${...} in them.
        rm -f "$dir/configDropins/overrides/portico-database.xml"
        if [ -n "$other_database" ]; then
            mkdir -p "$dir/configDropins/overrides"
            (umask 077 && {
                echo '<server>'
                echo '    <!-- Written by scale-out/portico-servers.sh from PORTICO_DB_*: this server'"'"'s database. -->'
                for v in HOST PORT NAME USER PASSWORD; do
                    local value="PORTICO_DB_$v"
                    if [ -n "${!value:-}" ]; then echo "    <variable name=\"portico.db.${v,,}\" value=\"$(xml_attr "${!value}")\"/>"; fi
                done
                # One database node per server (Galera): PORTICO_DB_PORTS=3307,3308 gives server i the i-th, round robin.
                if [ -n "${PORTICO_DB_PORTS:-}" ]; then
                    local ports
                    IFS=, read -r -a ports <<< "$PORTICO_DB_PORTS"
                    echo "    <variable name=\"portico.db.port\" value=\"$(xml_attr "${ports[$(( (i - 1) % ${#ports[@]} ))]}")\"/>"
                fi
                echo '</server>'
            } > "$dir/configDropins/overrides/portico-database.xml")
        fi
        # HTTP: Liberty takes the client from X-Forwarded-For (HAProxy's option forwardfor) only on requests from the balancer.
        mkdir -p "$dir/configDropins/overrides"
        cat > "$dir/configDropins/overrides/portico-balancer.xml" <<XML
<server>
    <!-- Written by scale-out/portico-servers.sh: requests from HAProxy name their client in X-Forwarded-For. -->
    <httpEndpoint id="defaultHttpEndpoint" remoteIpRef="porticoBalancer"/>
    <remoteIp id="porticoBalancer" proxies="$http_proxies" useRemoteIpInAccessLog="true"/>
</server>
XML
        echo "created $prefix$i: HTTP $(port "$front_http" "$i"), customer $(port "$front_customer" "$i"), FeatherBase $(port "$front_featherbase" "$i"), rental $(port "$front_rental" "$i")"
    done
}

wait_ready() {
    local url="http://127.0.0.1:$1/health/ready" deadline=$((SECONDS + ready_seconds))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do
        [ $SECONDS -lt $deadline ] || { echo "$url not ready after ${ready_seconds}s" >&2; return 1; }
        sleep 1
    done
}

start() {
    local first=1
    # On Galera (a node per server) schema migrations must run on one node first: Flyway's lock is not cluster-wide,
    # and two servers starting at once on two nodes applied the same migration twice.
    if [ -n "${PORTICO_DB_PORTS:-}" ] || [ -n "${PORTICO_START_ONE_FIRST:-}" ]; then
        "$wlp/bin/server" start "${prefix}1" >/dev/null
        wait_ready "$(port "$front_http" 1)"
        first=2
    fi
    for i in $(seq "$first" "$count"); do
        "$wlp/bin/server" start "$prefix$i" >/dev/null &
    done
    wait
    for i in $(seq 1 "$count"); do
        wait_ready "$(port "$front_http" "$i")"
        echo "$prefix$i ready"
    done
}

# One frontend per listener and HTTP; each server is checked on its own /health/ready every 500 ms (down after 2
# failures, up after 2 successes). A new connection to a server that is down or refuses goes to another one.
haproxy_config() {
    cat <<CFG
# Generated by scale-out/portico-servers.sh for $count servers.
global
    maxconn $lb_maxconn
    pidfile $lb_dir/haproxy.pid
    stats socket $lb_dir/haproxy.sock mode 600 level admin

defaults
    mode tcp
    timeout connect 2s
    timeout client 5m
    timeout server 5m
    timeout tunnel 1h
    retries 3
    option redispatch
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions

CFG
    local name front_port
    for name in http customer featherbase rental; do
        case "$name" in
            http) front_port=$front_http ;;
            customer) front_port=$front_customer ;;
            featherbase) front_port=$front_featherbase ;;
            rental) front_port=$front_rental ;;
        esac
        echo "frontend ${name}_front"
        if [ "$name" = http ]; then
            echo "    mode http"
            # The servers believe X-Forwarded-* and Forwarded from HAProxy (remoteIp): only HAProxy's own, never a client's
            # (a client's X-Forwarded-Proto: https would pass for HTTPS).
            echo "    http-request del-header X-Forwarded-For"
            echo "    http-request del-header X-Forwarded-Proto"
            echo "    http-request del-header X-Forwarded-Host"
            echo "    http-request del-header X-Forwarded-Port"
            echo "    http-request del-header Forwarded"
            echo "    option forwardfor"
        fi
        echo "    bind 127.0.0.1:$front_port"
        echo "    default_backend ${name}_servers"
        echo
        echo "backend ${name}_servers"
        if [ "$name" = http ]; then
            echo "    mode http"
            echo "    balance roundrobin"
            # The console keeps its session (and Faces view state) in one server: stick to it.
            echo "    cookie PORTICO_SERVER insert indirect nocache httponly"
        else
            echo "    balance leastconn"
        fi
        for i in $(seq 1 "$count"); do
            local extra=" send-proxy-v2"
            [ "$name" = http ] && extra=" cookie s$i"
            echo "    server s$i 127.0.0.1:$(port "$front_port" "$i") check port $(port "$front_http" "$i")$extra"
        done
        echo
    done
}

start_haproxy() {
    command -v haproxy >/dev/null || { echo "haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }
    mkdir -p "$lb_dir"
    stop_haproxy
    haproxy_config > "$lb_dir/haproxy.cfg"
    haproxy -c -q -f "$lb_dir/haproxy.cfg"
    haproxy -D -f "$lb_dir/haproxy.cfg"
    echo "HAProxy ($lb_dir/haproxy.cfg): HTTP $front_http, customer $front_customer, FeatherBase $front_featherbase, rental $front_rental"
}

stop_haproxy() {
    if [ -f "$lb_dir/haproxy.pid" ]; then
        kill "$(cat "$lb_dir/haproxy.pid")" 2>/dev/null || true
        rm -f "$lb_dir/haproxy.pid"
    fi
}

stop() {
    stop_haproxy
    for i in $(seq 1 "$count"); do
        "$wlp/bin/server" stop "$prefix$i" >/dev/null &
    done
    wait
}

case "$command" in
    create) create ;;
    start) start ;;
    haproxy) start_haproxy ;;
    config) haproxy_config ;;
    stop) stop ;;
    up) create; start; start_haproxy ;;
    *) usage ;;
esac
