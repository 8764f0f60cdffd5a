# shellcheck shell=bash
# inet_address "0A 4D 00 0D " -> 10.77.0.13: net-snmp prints an InetAddress (no DISPLAY-HINT) as hex bytes.
# 16 bytes become eight colon-separated groups (not compressed); any other length is printed unchanged.
inet_address() {
  local -a b
  read -ra b <<<"${1//\"/}"
  if [ "${#b[@]}" = 4 ]; then
    printf '%d.%d.%d.%d' "0x${b[0]}" "0x${b[1]}" "0x${b[2]}" "0x${b[3]}"
  elif [ "${#b[@]}" = 16 ]; then
    local i out=()
    for ((i = 0; i < 16; i += 2)); do out+=("$(printf '%x' "0x${b[i]}${b[i+1]}")"); done
    (IFS=:; printf '%s' "${out[*]}")
  else
    printf '%s' "$1"
  fi
}
