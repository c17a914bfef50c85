# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_tcp_packet: segments with every option we parse."""
from fuzz_tcp import segment, syn_options, ts

SACK = bytes([1, 1, 5, 18]) + bytes(range(16))


def seeds():
    return [
        ('syn', segment(1, 0, 0x02, options=syn_options())),
        ('plain', segment(5, 6, 0x10, data=b'payload')),
        ('ts-sack', segment(5, 6, 0x10, options=ts(7) + SACK, data=b'x')),
        ('four-sacks', segment(5, 6, 0x10, options=bytes([1, 1, 5, 34]) + bytes(32))),
    ]
