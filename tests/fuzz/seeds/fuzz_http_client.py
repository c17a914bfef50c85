# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_http_client: the first byte picks the piece size (bits
0-1: 1, 7, 100, 1460 bytes) and the URI (bits 2-3); then one record per
connection, the server's bytes, closed (control 0), reset (1) or left
silent (2) afterwards."""
from seedlib import record


def seeds():
    body = bytes(range(256)) * 20
    head = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: "v1"\r\n\r\n' % len(body)
    partial = (b'HTTP/1.1 206 Partial Content\r\nContent-Length: %d\r\n'
               b'Content-Range: bytes 1000-%d/%d\r\nETag: "v1"\r\n\r\n'
               % (len(body) - 1000, len(body) - 1, len(body)))
    chunked = (b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
               b'5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nT: 1\r\n\r\n')
    return [
        ('length', b'\x03' + record(0, head + body)),
        ('resume', b'\x02' + record(1, head + body[:1000]) +
         record(0, partial + body[1000:])),
        ('chunked', b'\x01' + record(0, chunked)),
        ('redirect', b'\x03' + record(0, b'HTTP/1.1 302 Found\r\nLocation: /g\r\n'
                                      b'Content-Length: 0\r\n\r\n') +
         record(0, head + body)),
        ('digest', b'\x07' + record(0, b'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: '
                                      b'Digest realm="r", nonce="n", qop="auth"\r\n'
                                      b'Content-Length: 0\r\n\r\n') +
         record(0, head + body)),
        ('silent', b'\x03' + record(2, head + body[:500]) + record(0, head + body)),
        # A whole answer on a connection the server keeps open: pooled,
        # then closed once idle.
        ('kept', b'\x01' + record(2, chunked)),
    ]
