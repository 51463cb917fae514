# Opens N report connections (command 7) with a 4 KB receive buffer and never reads them, for SECONDS:
# each holds a request thread on the server. usage: stalled-reports.py N PORT SECONDS
import socket, sys, time
n, port, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port)); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(b"7\n"); socks.append(s)
time.sleep(secs)
