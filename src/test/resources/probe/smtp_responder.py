#!/usr/bin/env python3
"""A minimal SMTP responder for the probe tests (Python stdlib only): 220 greeting, 250 to HELO,
221 to QUIT, 500 to anything else; one thread per connection. Prints "ready <port>" once listening."""
import socket
import sys
import threading


def session(conn):
    with conn:
        conn.sendall(b"220 responder ESMTP\r\n")
        f = conn.makefile("rb")
        for line in f:
            cmd = line.strip().upper()
            if cmd.startswith(b"HELO"):
                conn.sendall(b"250 responder\r\n")
            elif cmd == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"500 what?\r\n")


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    s = socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port))
    s.listen(128)
    print("ready %d" % s.getsockname()[1], flush=True)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=session, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
