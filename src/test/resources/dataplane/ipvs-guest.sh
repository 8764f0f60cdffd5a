# IpvsVmIT's script: runs as root in the IPVS guest (shared/tools/ipvs-vm.sh), prints sections that the
# test asserts on, each opened by a "=== name ===" line. @JAVA@, @JAVA_OPTS@, @JAR@, @MIBDIRS@ are filled in by
# the test.
# Topology inside the guest: the director is the guest's own namespace; client (10.50.1.2) reaches the
# VIP 10.50.1.100 over veth; real servers rs1..rs3 (10.50.2.11..13) sit on bridge br0 (10.50.2.1).
set -u
hostname ipvs-guest; echo "127.0.1.1 ipvs-guest" >> /etc/hosts  # log4j looks its host name up
modprobe ip_vs && modprobe ip_vs_wrr || { echo "=== no-ipvs ==="; exit 3; }
sysctl -qw net.ipv4.ip_forward=1
T=/tmp/k4j; mkdir -p $T/snmp/persist
now() { date +%s.%N | cut -c1-14; }
waitfor() { # seconds, description, command... (wall clock: a command can take seconds under emulation)
  local end=$(($(date +%s) + $1)) what=$2; shift 2
  while ! "$@" >/dev/null 2>&1; do
    if [ $(date +%s) -ge $end ]; then echo "TIMEOUT waiting for $what"; return 1; fi; sleep 0.5
  done
}

ip netns add client
ip link add vc type veth peer name c0 netns client
ip addr add 10.50.1.1/24 dev vc; ip addr add 10.50.1.100/32 dev vc; ip link set vc up
ip -n client addr add 10.50.1.2/24 dev c0; ip -n client link set c0 up; ip -n client link set lo up
ip -n client route add default via 10.50.1.1
ip link add br0 type bridge; ip addr add 10.50.2.1/24 dev br0; ip link set br0 up
for i in 1 2 3; do
  ip netns add rs$i
  ip link add v$i type veth peer name e0 netns rs$i
  ip link set v$i master br0 up
  ip -n rs$i addr add 10.50.2.1$i/24 dev e0; ip -n rs$i link set e0 up; ip -n rs$i link set lo up
  ip -n rs$i route add default via 10.50.2.1
  mkdir -p $T/www$i; echo "server $i" > $T/www$i/index.html
  (cd $T/www$i && exec ip netns exec rs$i python3 -m http.server 8080 --bind 10.50.2.1$i) > $T/http$i.log 2>&1 &
  echo $! > $T/http$i.pid
done

cat > $T/snmp/snmpd.conf <<CONF
master agentx
agentXSocket unix:$T/snmp/agentx
agentXTimeout 5
rocommunity public 127.0.0.1
rwcommunity private 127.0.0.1
CONF
export SNMP_PERSISTENT_DIR=$T/snmp/persist MIBDIRS=+@MIBDIRS@ MIBS=+KEEPALIVED-MIB
snmpd -f -Lo -C -c $T/snmp/snmpd.conf udp:127.0.0.1:161 > $T/snmpd.log 2>&1 &

rs() { # index weight
  printf ' real_server 10.50.2.1%s 8080 {\n  weight %s\n  TCP_CHECK {\n   connect_timeout 3\n   retry 0\n  }\n }\n' $1 $2
}
{
  printf 'global_defs {\n router_id ipvs-guest\n}\n'
  printf 'virtual_server 10.50.1.100 80 {\n delay_loop 2\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n'
  printf ' persistence_timeout 300\n persistence_granularity 255.255.255.0\n'
  rs 1 1; rs 2 2; rs 3 3
  printf '}\n'
  # an IPv6 fwmark service and a UDP one, without checkers: the encodings the TCP service does not use
  printf 'virtual_server fwmark 7 {\n lb_algo sh\n sh-port\n ops\n lb_kind DR\n persistence_timeout 60\n'
  printf ' persistence_granularity 64\n real_server 2001:db8::2 80 {\n  weight 2\n }\n}\n'
  printf 'virtual_server 10.50.1.100 53 {\n lb_algo rr\n lb_kind DR\n protocol UDP\n'
  printf ' real_server 10.50.2.13 53 {\n  weight 1\n  uthreshold 100\n  lthreshold 10\n }\n}\n'
} > $T/keepalived.conf
waitfor 30 "the real servers" sh -c 'for i in 1 2 3; do ip netns exec rs$i python3 -c "import socket; socket.create_connection((\"10.50.2.1$i\", 8080), 1)" || exit 1; done'

# what an earlier run could have left: our service with another scheduler and a server no longer configured;
# and a service nobody configured (someone else's), which the daemon must leave alone
ipvsadm -A -t 10.50.1.100:80 -s lc && ipvsadm -a -t 10.50.1.100:80 -r 10.50.2.99:8080 -m
ipvsadm -A -t 10.50.9.9:80 -s rr
daemon() { # extra options...
  KEEPALIVE4J_DUMP_DIR=$T @JAVA@ @JAVA_OPTS@ -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -jar @JAR@ -n -l -D \
    -f $T/keepalived.conf -p $T/parent.pid -r $T/vrrp.pid -c $T/check.pid -C -x -A unix:$T/snmp/agentx "$@" \
    >> $T/daemon.log 2>&1 &
  DAEMON=$!
}
echo "=== start $(now) ==="
daemon
three() { [ "$(ipvsadm -Ln | grep -c '10.50.2.1[123]:8080')" = 3 ] && ipvsadm -Ln | grep -q '10.50.2.13:53'; }
waitfor 200 "the destinations in IPVS" three
echo "=== after-load $(now) ==="
ipvsadm -Ln
echo "=== thresholds ==="
ipvsadm -Ln --thresholds

echo "=== traffic ==="
for n in 1 2 3 4 5 6; do ip netns exec client curl -s -m 5 http://10.50.1.100/; done
# IPVS sums its per-CPU counters every 2 s (the estimator), so the totals lag the traffic a little
counted() { ipvsadm -Ln --stats | awk '$2 == "10.50.1.100:80" { exit !($3 >= 6) }'; }
waitfor 20 "six connections in the IPVS stats" counted
echo "=== stats ==="
ipvsadm -Ln --stats
# the check engine copies the dataplane's counters into the MIB every 5 s
mib() { v=$(snmpget -v2c -c public -OqvU 127.0.0.1 KEEPALIVED-MIB::virtualServerStatsConns.1); [ "${v:-0}" -ge 6 ] 2>/dev/null; }
waitfor 60 "the connections in the MIB" mib
echo "=== mib-stats ==="
snmpget -v2c -c public 127.0.0.1 KEEPALIVED-MIB::virtualServerStatsConns.1 KEEPALIVED-MIB::virtualServerStatsInPkts.1 \
  KEEPALIVED-MIB::realServerStatsConns.1.3 KEEPALIVED-MIB::realServerStatsInactiveConns.1.3 2>/dev/null

kill $(cat $T/http1.pid); T_DOWN=$(now)
gone() { ! ipvsadm -Ln | grep -q '10.50.2.11:8080'; }
waitfor 60 "10.50.2.11 out of IPVS" gone
echo "=== after-down $T_DOWN $(now) ==="
ipvsadm -Ln

waitfor 120 "the subagent answering through snmpd" sh -c 'snmpget -v2c -c public -OqvU 127.0.0.1 KEEPALIVED-MIB::realServerWeight.1.2 | grep -qx 2'
echo "=== snmpset ==="
snmpset -v2c -c private -t 10 -r 1 127.0.0.1 KEEPALIVED-MIB::realServerWeight.1.2 i 0
zero() { ipvsadm -Ln | grep '10.50.2.12:8080' | awk '{print $4}' | grep -qx 0; }
waitfor 60 "weight 0 in IPVS" zero
echo "=== after-snmpset ==="
ipvsadm -Ln

kill -USR1 $DAEMON
waitfor 30 "the SIGUSR1 dump" grep -q 'Dataplane (IPVS' $T/keepalived.data
echo "=== dump ==="
grep -A3 'Dataplane (IPVS' $T/keepalived.data

kill -TERM $DAEMON
waitfor 60 "the daemon to exit" sh -c "! kill -0 $DAEMON"
echo "=== after-stop ==="
ipvsadm -Ln

# -I (--dont-release-ipvs): the table stays when the daemon stops
daemon -I
waitfor 200 "the service in IPVS again" sh -c "ipvsadm -Ln | grep -q '10.50.2.13:8080'"
kill -TERM $DAEMON
waitfor 60 "the daemon to exit" sh -c "! kill -0 $DAEMON"
echo "=== after-stop-keep ==="
ipvsadm -Ln
echo "=== daemon-log ==="
grep -v DEBUG $T/daemon.log
echo "=== end ==="
