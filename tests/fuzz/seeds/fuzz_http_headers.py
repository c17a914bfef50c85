# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_http_headers: the first byte is the size of the pieces
the head is fed in, the rest a response head."""


def seeds():
    return [
        ('length', b'\x07HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n'
                   b'ETag: "v1"\r\nConnection: close\r\n\r\nbody'),
        ('range', b'\x01HTTP/1.1 206 Partial Content\r\n'
                  b'Content-Range: bytes 100-199/1000\r\n'
                  b'Last-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\n\r\n'),
        ('chunked', b'\x40HTTP/1.1 200 OK\ntransfer-encoding: chunked\n\n'),
        ('redirect', b'\x10HTTP/1.1 302 Found\r\nLocation: /next?x=1\r\n'
                     b'Content-Length: 0\r\n\r\n'),
        ('digest', b'\x20HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: '
                   b'Digest realm="boot", qop="auth,auth-int", '
                   b'nonce="abc\\"def", opaque="xyz", algorithm=MD5\r\n'
                   b'WWW-Authenticate: Basic realm="x"\r\n\r\n'),
    ]
