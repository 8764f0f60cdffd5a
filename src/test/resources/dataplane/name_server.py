# A tiny HTTP server for dataplane tests: answers every GET with its own name, so the client sees which
# real server took the connection. HTTP/1.0 requests close the connection; HTTP/1.1 keeps it open.
import http.server
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


server = http.server.ThreadingHTTPServer(("0.0.0.0", port), NameHandler)
print("listening on", port, flush=True)
server.serve_forever()
