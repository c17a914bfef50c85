# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ntp_client: replies to the query, the nonce written in by
the target (control bit 0); bits 2-3 choose the sender: 0 the server, 1
another port, 2 another address."""
import struct

from seedlib import delay, record

FIX = 1


def reply(flags=0x24, stratum=2, refid=b'GPS\0', seconds=0xed000000):
    return (struct.pack('!BBbbII', flags, stratum, 6, -20, 0, 0) + refid +
            bytes(24) + struct.pack('!II', seconds, 0))


def seeds():
    return [
        ('reply', record(FIX | delay(2), reply())),
        ('retry', record(FIX | delay(6), reply(flags=0x23)) + record(FIX | delay(3), reply())),
        ('stranger', record(FIX | 8, reply()) + record(FIX, reply())),
        ('kiss', record(FIX | delay(2), reply(stratum=0, refid=b'DENY'))),
        ('alarm', record(FIX | delay(2), reply(flags=0xe4))),
    ]
