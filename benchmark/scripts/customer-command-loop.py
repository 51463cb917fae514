# Repeats one customer-directory command (7 = report, 8 = export) for a number of seconds, reading each reply
# to the end: usage customer-command-loop.py COMMAND PORT SECONDS
import socket, sys, time
cmd, port, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
end = time.time() + secs; n = 0; total = 0
while time.time() < end:
    t = time.time()
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall((cmd + "\n").encode())
        b = 0
        while True:
            d = s.recv(1 << 16)
            if not d: break
            b += len(d)
    n += 1; total += b
    print(f"cmd {cmd} #{n} {b} bytes {time.time()-t:.1f}s", flush=True)
