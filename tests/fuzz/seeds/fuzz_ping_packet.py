# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ping_packet: echo replies of ICMP and ICMPv6 with our
data pattern."""
import struct


def reply(kind, ident, seq, size):
    return struct.pack('!BBHHH', kind, 0, 0, ident, seq) + bytes(i & 0xff for i in range(size))


def seeds():
    return [
        ('icmp', reply(0, 0x1234, 1, 64)),
        ('icmpv6', reply(129, 7, 2, 16)),
        ('empty', reply(0, 0, 0, 0)),
        ('altered', reply(0, 1, 1, 8)[:-1] + b'\xff'),
    ]
