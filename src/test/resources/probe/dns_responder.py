#!/usr/bin/env python3
"""A small DNS responder for the DNS_CHECK tests (Python stdlib only).

Answers every query on UDP with the given rcode, echoing the question and, for rcode 0, one A record.
--bogus-first sends a response with a wrong id before the real one; --query-echo first sends the query
back unchanged (QR bit clear); --silent reads and never answers. Each query is logged on stdout as
"query id=<id> rd=<0|1> qname=<name> qtype=<n> qclass=<n>", and "ready <port>" once listening.
"""
import argparse
import socket
import struct
import sys


def parse_question(data):
    pos = 12
    labels = []
    while True:
        n = data[pos]
        pos += 1
        if n == 0:
            break
        labels.append(data[pos:pos + n].decode("ascii"))
        pos += n
    qtype, qclass = struct.unpack("!HH", data[pos:pos + 4])
    return (".".join(labels) + ".") if labels else ".", qtype, qclass, data[12:pos + 4]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--rcode", type=int, default=0)
    p.add_argument("--bogus-first", action="store_true")
    p.add_argument("--query-echo", action="store_true")
    p.add_argument("--silent", action="store_true")
    a = p.parse_args()
    family = socket.AF_INET6 if ":" in a.address else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((a.address, a.port))
    print("ready %d" % s.getsockname()[1], flush=True)
    while True:
        data, peer = s.recvfrom(4096)
        if len(data) < 12:
            continue
        qid, flags, qd, an, ns, ar = struct.unpack("!HHHHHH", data[:12])
        qname, qtype, qclass, question = parse_question(data)
        print("query id=%d rd=%d qname=%s qtype=%d qclass=%d qd=%d" % (qid, (flags >> 8) & 1, qname, qtype, qclass, qd),
              flush=True)
        if a.silent:
            continue
        if a.query_echo:
            s.sendto(data, peer)
        if a.bogus_first:
            s.sendto(struct.pack("!HHHHHH", (qid + 1) & 0xffff, 0x8180, 1, 0, 0, 0) + question, peer)
        answers = b""
        count = 0
        if a.rcode == 0:
            answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([10, 0, 0, 1])
            count = 1
        reply_flags = 0x8000 | (flags & 0x0100) | 0x0080 | (a.rcode & 0x0f)
        s.sendto(struct.pack("!HHHHHH", qid, reply_flags, 1, count, 0, 0) + question + answers, peer)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
