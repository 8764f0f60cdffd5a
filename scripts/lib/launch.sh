# shellcheck shell=bash
# How keepalive4j's JVM is started, shared by a checkout's scripts/keepalive4j and the Debian package's
# /usr/sbin/keepalive4j. Sourced; defines exec_keepalive4j.
#
# JVM flags, for a small daemon that lives for months and must never pause long:
#   -Xms32m -Xmx256m       the heap holds one parsed configuration and per-instance state; a bounded
#                          heap keeps the footprint predictable next to the services it protects.
#   -XX:+UseSerialGC       pauses scale with the live set, which is small here, so they stay far
#                          below a VRRP advert interval; G1's threads and remembered sets buy nothing.
#   -XX:TieredStopAtLevel=1  C1 only. Measured (mean of 10 runs, 2 CPUs): on an idle machine startup
#                          is the same either way (-v 0.11 s, -t on a small file 0.2 s); under load
#                          (load average 8) C1-only is faster (-v 0.40 s vs 0.55 s, -t 0.64 s vs 0.82 s)
#                          because no C2 thread competes for the CPU. The daemon is I/O- and timer-bound,
#                          so C2's peak speed is not worth its compiler thread and code cache.
#   -Xss512k               many small timer/IO threads, none with deep recursion.
#   -XX:+ExitOnOutOfMemoryError  a daemon in an unknown state is worse than one systemd restarts.
# Extra flags can be added through KEEPALIVE4J_JAVA_OPTS; JAVA_HOME selects the JVM.

# exec_keepalive4j JAR CDS_DIR [ARG...]: replaces the calling shell with the JVM running JAR with ARGs.
# CDS_DIR holds the class-data sharing archive (made there on first use when it is writable).
exec_keepalive4j() {
    local jar="$1" cds_dir="$2"
    shift 2
    local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    local jvm_opts=(-Xms32m -Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

    # Class-data sharing: an archive of the classes a start loads, made once per jar and JVM by a
    # training run (org.keepalive4j.daemon.ClassDataTraining), cuts the JVM's part of the time to the
    # first advert (0.93 -> 0.65 s measured from exec to "started"). Named after the jar's mtime and size
    # and the java binary's mtime, so that a rebuilt jar or an updated JDK never meets a stale archive
    # (the JVM would silently ignore it for good); written under a temporary name and renamed, so a
    # concurrent start sees all of it or nothing. KEEPALIVE4J_CDS=0 turns it off. Unusable archives are
    # ignored by the JVM (-Xshare:auto), with its messages silenced. The training run must not talk to
    # systemd: it is not the main process.
    local cds_opts=()
    if [ "${KEEPALIVE4J_CDS:-1}" = 1 ]; then
        local java_path name archive tmp
        java_path="$(command -v "$java" || true)"
        name="$(basename "${jar%.jar}")"
        archive="$cds_dir/$name-$(stat -c %Y-%s "$jar")-$(stat -L -c %Y "${java_path:-/}" 2>/dev/null || echo 0).jsa"
        local quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
        if [ ! -f "$archive" ] && [ -d "$cds_dir" ] && [ -w "$cds_dir" ]; then
            tmp="$archive.$$.tmp"
            if env -u NOTIFY_SOCKET -u WATCHDOG_USEC -u WATCHDOG_PID \
                    "$java" "${jvm_opts[@]}" "${quiet[@]}" -XX:ArchiveClassesAtExit="$tmp" \
                    -cp "$jar" org.keepalive4j.daemon.ClassDataTraining >/dev/null 2>&1 && [ -s "$tmp" ]; then
                mv -f "$tmp" "$archive"
                find "$cds_dir" -maxdepth 1 -name "$name-*.jsa" ! -name "$(basename "$archive")" \
                    -delete 2>/dev/null || true
            else
                rm -f "$tmp"
            fi
        fi
        [ -f "$archive" ] && cds_opts=(-XX:SharedArchiveFile="$archive" "${quiet[@]}")
    fi

    # exec: the JVM replaces this shell, so systemd (Type=notify, NotifyAccess=main) and kill(1) see and
    # signal the JVM itself
    # shellcheck disable=SC2086
    exec "$java" "${jvm_opts[@]}" "${cds_opts[@]}" -XX:+ExitOnOutOfMemoryError ${KEEPALIVE4J_JAVA_OPTS:-} \
        -jar "$jar" "$@"
}
