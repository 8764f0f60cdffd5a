#!/bin/bash
# Captures real VRRP adverts sent by the system's keepalived into
# keepalived-adverts.pcap next to this script, for KeepalivedFixtureTest.
#
# Needs root, keepalived, tcpdump and iproute2. keepalived only ever runs inside
# a private network namespace created here; both namespaces and every process
# started here are removed on exit, whatever happens.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ns=k4jcodec-$$
peer_ns=k4jcodec-$$-peer
work=$(mktemp -d /tmp/k4jcodec.XXXXXX)
ka_pid=
dump_pid=

cleanup() {
    [ -n "$dump_pid" ] && kill "$dump_pid" 2>/dev/null || true
    if [ -n "$ka_pid" ]; then
        kill "$ka_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$ka_pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$ka_pid" 2>/dev/null || true
    fi
    # keepalived forks a VRRP child; kill whatever still lives in our namespace
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
    ip netns del "$peer_ns" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns"
ip netns add "$peer_ns"
ip -n "$ns" link add veth0 type veth peer name veth1
ip -n "$ns" link set veth1 netns "$peer_ns"
ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n "$ns" link set veth0 addrgenmode none
ip -n "$ns" link set lo up
ip -n "$ns" link set veth0 up
ip -n "$ns" addr add 192.0.2.1/24 dev veth0
ip -n "$ns" addr add fe80::1/64 dev veth0 nodad
ip -n "$peer_ns" link set veth1 up
ip -n "$peer_ns" addr add 192.0.2.2/24 dev veth1

# One instance per fixture; the VRID says which is which (see README.md).
cat > "$work/keepalived.conf" <<'CONF'
global_defs {
    router_id k4jcodec
}
vrrp_instance V2_PASS {
    state MASTER
    interface veth0
    virtual_router_id 51
    priority 150
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass k4jpass1
    }
    virtual_ipaddress {
        192.0.2.51
        192.0.2.151
    }
}
vrrp_instance V2_AH {
    state MASTER
    interface veth0
    virtual_router_id 52
    priority 120
    advert_int 2
    authentication {
        auth_type AH
        auth_pass k4jahkey
    }
    virtual_ipaddress {
        192.0.2.52
    }
}
vrrp_instance V3_IPV4 {
    version 3
    state MASTER
    interface veth0
    virtual_router_id 53
    priority 200
    advert_int 0.5
    virtual_ipaddress {
        192.0.2.53
    }
}
vrrp_instance V3_IPV6 {
    version 3
    state MASTER
    interface veth0
    virtual_router_id 54
    priority 100
    advert_int 1
    virtual_ipaddress {
        2001:db8::54/64
    }
}
vrrp_instance V3_UNICAST {
    version 3
    state MASTER
    interface veth0
    virtual_router_id 55
    priority 100
    advert_int 1
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.55
    }
}
vrrp_instance V3_UNICAST_OLD_CHECKSUM {
    version 3
    state MASTER
    interface veth0
    virtual_router_id 56
    priority 100
    advert_int 1
    old_unicast_checksum
    unicast_src_ip 192.0.2.1
    unicast_peer {
        192.0.2.2
    }
    virtual_ipaddress {
        192.0.2.56
    }
}
CONF

ip netns exec "$ns" tcpdump -U -n -i veth0 -w "$work/adverts.pcap" -c 36 \
    'ip proto 112 or ip proto 51 or ip6 proto 112' 2>"$work/tcpdump.log" &
dump_pid=$!
sleep 1

ip netns exec "$ns" keepalived -n -l -D -P -f "$work/keepalived.conf" \
    -p "$work/keepalived.pid" -r "$work/vrrp.pid" -c "$work/checkers.pid" \
    >"$work/keepalived.log" 2>&1 &
ka_pid=$!

for _ in $(seq 60); do kill -0 "$dump_pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$dump_pid" 2>/dev/null; then
    echo "tcpdump did not see 36 adverts within 60 s" >&2
    cat "$work/keepalived.log" >&2
    exit 1
fi
dump_pid=
cp "$work/adverts.pcap" "$here/keepalived-adverts.pcap"
keepalived -v 2>&1 | head -1
echo "wrote $here/keepalived-adverts.pcap"
