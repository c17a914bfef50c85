# SPDX-License-Identifier: GPL-2.0-or-later
"""TCP of the hosted program (bin-x86_64-linux/wireboot --tcp-fetch) against
real peers: 64 MiB from nginx on a clean link and through the frame relay
losing 2%, duplicating 1% and reordering 1% of the frames with 10 ms of
delay each way, with three seeds (bytes and SHA-256 match, and the
throughput is reported), a server that resets in the middle of the stream,
a closed port, and an address where nobody answers.
"""
import hashlib
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import SERVER, SUBNET, Lab, make_file  # noqa: E402

CLIENT_IP = ['--ip', SUBNET + '.60/24']
REQUEST = 'GET /%s HTTP/1.0\r\n\r\n'

# Sends 1 MiB after the request, then resets (SO_LINGER of 0).
RESET_SERVER = r'''
import socket, struct, sys
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((sys.argv[1], 8080))
server.listen(1)
print('ready', flush=True)
conn, _ = server.accept()
conn.recv(1000)
conn.sendall(b'x' * (1 << 20))
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
conn.close()
'''


def tcp_fetch(lab, target, request, timeout=120, save=None):
    args = CLIENT_IP + ['--tcp-fetch', target, request]
    if save:
        args += ['--tcp-save', save]
    start = time.monotonic()
    status, output = lab.wireboot(None, args, timeout=timeout)
    return status, output, time.monotonic() - start


LOSSY = dict(drop=0.02, dup=0.01, reorder=0.01, delay_ms=10)


def fetch_64mib(name, relay=None):
    """64 MiB from nginx, checked; returns the seconds it took."""
    with Lab(name, relay=relay) as lab:
        root = os.path.join(lab.files, 'www')
        os.mkdir(root)
        size = 64 << 20
        digest = make_file(root, 'big.bin', size)
        server = lab.add_server(SERVER)
        lab.nginx(server, root)
        saved = os.path.join(lab.files, 'received')
        status, output, _ = tcp_fetch(lab, SERVER + ':80', REQUEST % 'big.bin',
                                      save=saved, timeout=300)
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        match = re.search(r'^TCP-FETCH (\d+) ([0-9a-f]{64}) (\d+\.\d+) s$', output, re.M)
        check(match, 'no result line:\n' + output)
        with open(saved, 'rb') as f:
            data = f.read()
        check(len(data) == int(match.group(1)) and
              hashlib.sha256(data).hexdigest() == match.group(2),
              'the saved stream is not what was counted')
        head, _, body = data.partition(b'\r\n\r\n')
        check(head.startswith(b'HTTP/1.1 200 OK'), head[:200])
        check(b'Content-Length: %d' % size in head, head)
        check(len(body) == size, 'body of %d bytes, want %d' % (len(body), size))
        check(hashlib.sha256(body).hexdigest() == digest, 'the body differs')
        seconds = float(match.group(3))
        print('%s: 64 MiB in %.2f s: %.1f MiB/s%s' % (
            name, seconds, 64 / seconds,
            ' (relay: %s)' % lab.relay.stats() if lab.relay else ''))
        return seconds


def test_tcp_nginx_64mib():
    fetch_64mib('tcpbig')


def test_tcp_nginx_64mib_lossy():
    for seed in (1, 2, 3):
        fetch_64mib('tcploss%d' % seed, relay=dict(LOSSY, seed=seed))


def test_tcp_reset_mid_stream():
    with Lab('tcprst') as lab:
        server = lab.add_server(SERVER)
        lab.spawn(server, ['python3', '-c', RESET_SERVER, SERVER], 'tcpreset',
                  ready='ready')
        status, output, elapsed = tcp_fetch(lab, SERVER + ':8080', 'hello', timeout=60)
        check(status != 0, output)
        check(re.search(r'TCP-FETCH error: .*\(ECONNRESET', output), output)
        # Everything before the reset was delivered, or nearly (the RST
        # may overtake data we held).
        got = int(re.search(r'after (\d+) bytes', output).group(1))
        check(got <= 1 << 20, output)
        check(elapsed < 20, 'took %.1f s' % elapsed)


def test_tcp_refused():
    with Lab('tcpref') as lab:
        lab.add_server(SERVER)
        status, output, elapsed = tcp_fetch(lab, SERVER + ':81', 'x', timeout=60)
        check(status != 0, output)
        check(re.search(r'TCP-FETCH error: Connection refused', output), output)
        check(elapsed < 20, 'took %.1f s' % elapsed)


def test_tcp_silent_peer_times_out():
    """Nobody at the address: SYNs at 0, 1, 3 and 7 s, then ETIMEDOUT at
    15 s."""
    with Lab('tcpsilent') as lab:
        lab.add_server(SERVER)
        status, output, elapsed = tcp_fetch(lab, SUBNET + '.77:80', 'x', timeout=90)
        check(status != 0, output)
        check(re.search(r'TCP-FETCH error: .*\(ETIMEDOUT', output), output)
        match = re.search(r'after 0 bytes, (\d+\.\d+) s', output)
        check(match and 13 < float(match.group(1)) < 25, output)
