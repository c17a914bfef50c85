# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ntp: server replies (the target takes the nonce from the
originate timestamp), a kiss-o'-death and an unsynchronized server."""
import struct


def reply(flags=0x24, stratum=2, refid=b'GPS\0', seconds=0xed000000):
    return (struct.pack('!BBbbII', flags, stratum, 6, -20, 0, 0) + refid +
            bytes(8) + bytes(range(1, 9)) + bytes(8) + struct.pack('!II', seconds, 0))


def seeds():
    return [
        ('reply', reply()),
        ('v3', reply(flags=0x1c)),
        ('after-2036', reply(seconds=5)),
        ('kiss', reply(stratum=0, refid=b'RATE')),
        ('alarm', reply(flags=0xe4)),
    ]
