# A tiny HTTP server for dataplane tests: answers every GET with its own name, so the client sees which
# real server took the connection. HTTP/1.0 requests close the connection; HTTP/1.1 keeps it open.
import http.server
import socket
import sys

name, port = sys.argv[1], int(sys.argv[2])


class NameHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = name.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class DualStackServer(http.server.ThreadingHTTPServer):
    # "::" with IPV6_V6ONLY off (Linux's default) takes IPv4 connections too
    address_family = socket.AF_INET6


server = DualStackServer(("::", port), NameHandler)
print("listening on", port, flush=True)
server.serve_forever()
