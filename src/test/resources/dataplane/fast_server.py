# A small, fast HTTP server for the throughput benchmark: one asyncio loop per process, several
# processes on one port (SO_REUSEPORT), every request answered with a fixed body and the connection
# closed, so each request is one new TCP connection. Usage: fast_server.py PORT PROCESSES
import asyncio
import os
import socket
import sys

port, processes = int(sys.argv[1]), int(sys.argv[2])
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"


async def handle(reader, writer):
    try:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(RESPONSE)
        await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def serve():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("0.0.0.0", port))
    sock.listen(4096)
    server = await asyncio.start_server(handle, sock=sock)
    async with server:
        await server.serve_forever()


for _ in range(processes - 1):
    if os.fork() == 0:
        break
print("listening on", port, flush=True)
asyncio.run(serve())
