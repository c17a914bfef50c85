# SPDX-License-Identifier: GPL-2.0-or-later
"""nginx (Debian's nginx-light) as a test's HTTP server: in the
foreground, with its configuration, logs and temporary files in a
directory of the test's own, listening on one address and port (a free
port on 127.0.0.1 for QEMU's user networking, which the guest reaches as
10.0.2.2; port 80 of an address inside a network namespace for the hosted
program). Extra location blocks give redirects, errors, throttling and
authentication; stop() and start() again let a test take the server away
in the middle of a transfer.
"""
import os
import socket
import subprocess
import time

from wbtest import check

CONF = '''
daemon off;
master_process off;
worker_processes 1;
pid {files}/nginx.pid;
error_log {files}/nginx-error.log info;
events {{ worker_connections 64; }}
http {{
    # Each line: connection number, its request count, request, status,
    # and over TLS the protocol and cipher suite ("-" without).
    log_format wb '$remote_addr $connection $connection_requests "$request" '
                  '$status $body_bytes_sent $ssl_protocol $ssl_cipher';
    access_log {files}/nginx-access.log wb;
    client_body_temp_path {files}/nginx-body;
    proxy_temp_path {files}/nginx-proxy;
    fastcgi_temp_path {files}/nginx-fastcgi;
    uwsgi_temp_path {files}/nginx-uwsgi;
    scgi_temp_path {files}/nginx-scgi;
    default_type application/octet-stream;
    sendfile on;
    server {{
        listen {listen};
        root {root};
{locations}
    }}
{servers}
}}
'''


def free_tcp_port(address='127.0.0.1'):
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


def read_text(path):
    try:
        with open(path, errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


class Nginx:
    """nginx serving root on address:port (address None: every address;
    port None: a free one on address); locations: more of the server block
    (location blocks); prefix: a command to run it under (e.g. ip netns
    exec NS); servers: more server blocks (TLS ones: tests/lib/tlslab.py).
    A context manager; stops nginx on exit."""

    def __init__(self, files, root, address='127.0.0.1', port=None,
                 locations='', prefix=(), servers=''):
        self.files = files
        self.root = root
        self.address = address
        self.port = port or free_tcp_port(address)
        self.prefix = list(prefix)
        self.process = None
        self.conf = os.path.join(files, 'nginx.conf')
        listen = '%s:%d' % (address, self.port) if address else str(self.port)
        with open(self.conf, 'w') as f:
            f.write(CONF.format(files=files, root=root, listen=listen,
                                locations=locations, servers=servers))

    def start(self):
        pid = os.path.join(self.files, 'nginx.pid')
        if os.path.exists(pid):
            os.unlink(pid)
        self.process = subprocess.Popen(
            self.prefix + ['nginx', '-c', self.conf, '-p', self.files],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not os.path.exists(pid):
            check(self.process.poll() is None and time.monotonic() < deadline,
                  'nginx did not start:\n' + self.error_log())
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def error_log(self):
        return read_text(os.path.join(self.files, 'nginx-error.log'))

    def access_log(self):
        return read_text(os.path.join(self.files, 'nginx-access.log'))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False
