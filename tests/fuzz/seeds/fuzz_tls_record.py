# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_tls_record: steps of an operation byte (0 push, 1 pull,
2 peek, 3 flush, 4 first-record check), a 16-bit length and, for a push,
that many bytes."""
import struct


def step(op, n, data=b''):
    return bytes([op]) + struct.pack('<H', n) + data


def seeds():
    record = bytes([22, 3, 3, 0, 4]) + b'\x01\x02\x03\x04'
    return [
        ('record', step(0, len(record), record) + step(4, 0) + step(1, 5) + step(1, 4)),
        ('pieces', step(0, 3, b'abc') + step(0, 2, b'de') + step(2, 4) + step(1, 1) +
         step(1, 10) + step(3, 0)),
        ('http', step(0, 17, b'HTTP/1.1 400 Bad\r') + step(4, 0)),
    ]
