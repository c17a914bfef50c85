# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ipv6_packet: packets with each kind of extension
header."""
import struct


def packet(next_header, payload):
    return (struct.pack('!IHBB', 6 << 28, len(payload), next_header, 64) +
            bytes(15) + b'\1' + b'\xfe\x80' + bytes(13) + b'\2' + payload)


def seeds():
    udp = bytes(8)
    hop = bytes([60, 0, 0, 1, 2, 0, 0, 0])
    dst = bytes([17, 0, 1, 4, 0, 0, 0, 0])
    routing = bytes([17, 2, 0, 0]) + bytes(20)
    fragment = bytes([17, 0, 0x05, 0x01, 1, 2, 3, 4])
    return [
        ('udp', packet(17, udp)),
        ('options', packet(0, hop + dst + udp)),
        ('routing', packet(43, routing + udp)),
        ('fragment', packet(44, fragment + udp)),
        ('icmpv6', packet(58, bytes([128, 0, 0, 0, 0, 1, 0, 1]))),
    ]
