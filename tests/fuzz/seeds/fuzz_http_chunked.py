# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_http_chunked: the first byte is the size of the pieces
the body is fed in, the rest a chunked body."""


def seeds():
    return [
        ('simple', b'\x03' + b'5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n'),
        ('trailer', b'\x01' + b'A\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\n'),
        ('lf', b'\x02' + b'3\nabc\n0\n\n'),
        ('big', b'\x10' + b'000000000000000F\r\n' + b'x' * 15 + b'\r\n0\r\n\r\n'),
    ]
