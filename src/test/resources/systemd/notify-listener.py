#!/usr/bin/env python3
"""Stands in for systemd's notify socket in SdNotifyIT: binds an AF_UNIX datagram socket (a path, or
@name in the abstract namespace), asks the kernel for each sender's credentials (SO_PASSCRED, as systemd
does for NotifyAccess=main) and prints one line per datagram:
    <CLOCK_MONOTONIC at receipt, microseconds> <sender pid> <payload, newlines shown as |>
"""
import socket
import struct
import sys
import time

address = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind("\0" + address[1:] if address.startswith("@") else address)
print("listening on " + address, flush=True)
while True:
    data, ancillary, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(12))
    now = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
    pid = -1
    for level, kind, value in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = struct.unpack("iII", value[:12])[0]
    print("%d %d %s" % (now, pid, data.decode("utf-8", "replace").replace("\n", "|")), flush=True)
