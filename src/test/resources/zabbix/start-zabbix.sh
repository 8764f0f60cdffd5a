#!/bin/bash
# Starts a throw-away Zabbix server with its own PostgreSQL cluster in DIR, on this network namespace's
# loopback: PostgreSQL on 127.0.0.1:PGPORT (run as the postgres user: it refuses root), the schema from the
# zabbix-server-pgsql package (schema, images, data, in that order), then ROWS_SQL (template, hosts, items,
# triggers), then zabbix_server as root (AllowRoot=1) reading SNMP traps from DIR/snmptraps.log.
# Prints the seconds each phase took. Usage: start-zabbix.sh DIR ROWS_SQL PGPORT
set -euo pipefail
dir=$1 rows=$2 port=$3
schema=/usr/share/zabbix-server-pgsql
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
t0=${EPOCHREALTIME/./}
phase() { local us=$((${EPOCHREALTIME/./} - t0)); printf 'zabbix-setup: %s after %d.%01d s\n' "$1" $((us / 1000000)) $((us / 100000 % 10)); }

mkdir -p "$dir/pg" "$dir/run"
chown postgres "$dir/pg" "$dir/run"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$pgbin/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync > "$dir/initdb.log"
# fsync off: a test database that dies with the test; the schema load is most of the setup time
as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/run/postgres.log" -w -o \
  "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start > /dev/null
phase "postgres running"
psql() { command psql -h "$dir/run" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -c "CREATE DATABASE zabbix"
zcat "$schema/schema.sql.gz" | psql -d zabbix > /dev/null
zcat "$schema/images.sql.gz" | psql -d zabbix > /dev/null
# data.sql is 170,000 one-line INSERTs; one round trip each is most of the setup time. psql's \; sends
# the complete one-line statements (even number of quotes) in batches of 500; the package's data is
# consistent, so its foreign keys are not checked row by row (replica role).
zcat "$schema/data.sql.gz" \
  | awk '/^INSERT INTO .*\);$/ && gsub(/\047/, "\047") % 2 == 0 && ++n % 500 != 0 { sub(/;$/, "\\;") } { print }' \
  | PGOPTIONS="-c session_replication_role=replica" psql -d zabbix > /dev/null
phase "schema loaded"
psql -d zabbix -f "$rows" > /dev/null
# the data's own "Zabbix server" host polls an agent that is not there: only noise in the log
psql -d zabbix -c "UPDATE hosts SET status = 1 WHERE host = 'Zabbix server'"
phase "template rows loaded"

cat > "$dir/zabbix_server.conf" <<CONF
ListenIP=127.0.0.1
ListenPort=10051
LogFile=$dir/zabbix_server.log
LogFileSize=0
DebugLevel=3
PidFile=$dir/zabbix_server.pid
SocketDir=$dir/run
DBHost=127.0.0.1
DBPort=$port
DBName=zabbix
DBUser=postgres
AllowRoot=1
StartSNMPTrapper=1
SNMPTrapperFile=$dir/snmptraps.log
StartPollers=1
StartPollersUnreachable=1
StartTrappers=1
StartPingers=0
StartDiscoverers=0
StartHTTPPollers=0
StartTimers=1
StartEscalators=1
StartAlerters=1
StartPreprocessors=1
StartLLDProcessors=1
StartHistoryPollers=1
StartODBCPollers=0
HousekeepingFrequency=0
CacheUpdateFrequency=2
Timeout=4
CONF
touch "$dir/snmptraps.log"
/usr/sbin/zabbix_server -c "$dir/zabbix_server.conf"
for _ in $(seq 300); do
  grep -q "started \[snmp trapper #1\]" "$dir/zabbix_server.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "started \[snmp trapper #1\]" "$dir/zabbix_server.log" || { echo "zabbix_server did not start:"; tail -n 30 "$dir/zabbix_server.log"; exit 1; }
phase "zabbix_server running"
