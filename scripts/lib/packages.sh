# shellcheck shell=bash
# The Debian packages scripts/test and scripts/demo need, and how to install the missing ones.
# Sourced; the caller sets PACKAGES_CALLER (its name, for messages) and runs under set -euo pipefail.

PACKAGES=(
  openjdk-17-jdk-headless maven          # build
  keepalived snmpd snmp snmptrapd smitools  # the reference daemon and the SNMP tools tests talk to
  nftables iproute2 tcpdump procps iputils-ping python3
  man-db systemd                         # DebPackageIT: man renders keepalive4j(8), systemd-analyze verifies the unit
  zabbix-server-pgsql postgresql python3-yaml rrdtool file  # ZabbixTrapIT (template, trap handler), RrdGraphIT
  qemu-system-x86 busybox-static kmod ipvsadm curl  # IpvsVmIT: a guest kernel with IPVS (../shared/tools/ipvs-vm.sh)
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# prints the packages of PACKAGES that are not installed
missing_packages() {
  local installed
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null \
    | awk '$2 == "installed" { print $1 }' || true)
  local p
  for p in "${PACKAGES[@]}"; do
    grep -qx "$p" <<<"$installed" || echo "$p"
  done
}

install_packages() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    echo "${PACKAGES_CALLER:-scripts}: all ${#PACKAGES[@]} Debian packages already installed"
    return
  fi
  echo "${PACKAGES_CALLER:-scripts}: installing" $missing
  as_root apt-get update
  # installing all of them (not only the missing ones) also pulls upgrades a half-installed one needs
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"
}

# Package install scripts may start snmpd, snmptrapd, keepalived, zabbix_server and PostgreSQL. Tests and the demo start their own
# inside namespaces; one listening in the root namespace would answer in their place. Only root-namespace
# processes are touched: daemons inside other namespaces belong to running tests.
stop_root_namespace_daemons() {
  local svc pid root_ns pids=()
  for svc in keepalived snmpd snmptrapd zabbix-server postgresql; do
    if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
      as_root systemctl stop "$svc" 2>/dev/null || true
    elif command -v service >/dev/null; then
      as_root service "$svc" stop >/dev/null 2>&1 || true
    fi
  done
  root_ns=$(readlink /proc/self/ns/net)
  for pid in $(pgrep -x keepalived; pgrep -x snmpd; pgrep -x snmptrapd; pgrep -x zabbix_server; pgrep -x postgres); do
    [ "$(as_root readlink "/proc/$pid/ns/net" 2>/dev/null)" = "$root_ns" ] && pids+=("$pid")
  done
  [ ${#pids[@]} = 0 ] && return
  echo "${PACKAGES_CALLER:-scripts}: stopping root-namespace daemons ${pids[*]}"
  as_root kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    as_root kill -0 "${pids[@]}" 2>/dev/null || return 0
    sleep 0.1
  done
  as_root kill -KILL "${pids[@]}" 2>/dev/null || true
}
