"""A loopback relay in front of one server, for the shards test: the
client talks to the server through it until SIGUSR1, when the relay stops
listening and half-closes the client's connection (FIN, never RST).  The
client's next answer then ends in end-of-file, the one way a lost server
shows up without naming its connection, every time rather than when the
timing happens to be so.  On SIGUSR2 it freezes instead: it keeps every
connection open and relays nothing more, as a server that hangs (an
overloaded machine, a network that drops packets) looks to the client.

usage: cut_relay.py SERVER_PORT  (prints the relay's port, then serves)
"""
import select
import signal
import socket
import sys

server_port = int(sys.argv[1])
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(8)
print(listener.getsockname()[1], flush=True)

cut = False
frozen = False


def on_cut(signum, frame):
    global cut
    cut = True


def on_freeze(signum, frame):
    global frozen
    frozen = True


signal.signal(signal.SIGUSR1, on_cut)
signal.signal(signal.SIGUSR2, on_freeze)

pairs = {}  # socket -> the socket it relays to
from_clients = set()
while True:
    if cut:
        break
    if frozen:
        signal.pause()
        continue
    try:
        ready, _, _ = select.select([listener, *pairs], [], [], 0.1)
    except InterruptedError:
        continue
    for s in ready:
        if s is listener:
            client, _ = listener.accept()
            upstream = socket.create_connection(("127.0.0.1", server_port))
            pairs[client], pairs[upstream] = upstream, client
            from_clients.add(client)
            continue
        if s not in pairs:
            continue
        data = s.recv(65536)
        if data:
            pairs[s].sendall(data)
        else:
            other = pairs.pop(s)
            pairs.pop(other, None)
            from_clients.discard(s)
            from_clients.discard(other)
            s.close()
            other.close()

listener.close()
clients = list(from_clients)
for c in clients:
    c.shutdown(socket.SHUT_WR)
# Read and drop what the clients still send, so closing never resets.
while clients:
    ready, _, _ = select.select(clients, [], [], 5)
    if not ready:
        break
    for c in ready:
        if not c.recv(65536):
            clients.remove(c)
