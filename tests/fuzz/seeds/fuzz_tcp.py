# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_tcp: connections as peers play them (see fuzz_tcp.c for
the format). Sequence and acknowledgement numbers are relative (control
bits 0 and 1), so a seed stays valid whatever sequence number we start
from: the peer's SYN-ACK at 0, its data from 1, ours from 1."""
import struct

from seedlib import delay, record

SYN, RST, PSH, ACK, FIN = 0x02, 0x04, 0x08, 0x10, 0x01
REL = 3          # both numbers relative
ACT = 8          # the owner acts afterwards


def segment(seq, ack, flags, window=65535, options=b'', data=b''):
    options += b'\0' * (-len(options) % 4)
    return struct.pack('!HHIIBBHHH', 80, 0, seq & 0xffffffff, ack & 0xffffffff,
                       (20 + len(options)) // 4 << 4, flags, window, 0, 0) + \
        options + data


def syn_options(mss=1460, wscale=7, ts=True, sack=True):
    out = struct.pack('!BBH', 2, 4, mss) + bytes([1, 3, 3, wscale])
    if sack:
        out += bytes([1, 1, 4, 2])
    if ts:
        out += bytes([1, 1, 8, 10]) + struct.pack('!II', 1000, 0)
    return out


def ts(value):
    return bytes([1, 1, 8, 10]) + struct.pack('!II', value, 0)


def synack(**kw):
    return record(REL, segment(0, 1, SYN | ACK, options=syn_options(**kw)))


def data(seq, payload, flags=ACK | PSH, control=REL, tsval=2000):
    return record(control, segment(seq, 1, flags, options=ts(tsval),
                                   data=payload))


def seeds():
    chunk = b'd' * 1448
    stream = b''.join(data(1 + 1448 * i, chunk) for i in range(6))
    return [
        ('transfer', b'\x09' + synack() + stream +
         data(1 + 1448 * 6, b'end', ACK | PSH | FIN) +
         record(delay(9), segment(1448 * 6 + 5, 2, ACK, options=ts(3000)))),
        ('reorder', b'\x01' + synack() + data(1449, chunk) + data(2897, chunk) +
         data(1, chunk) + data(1449, chunk) + data(4345, chunk, ACK | FIN)),
        ('slow-owner', b'\x03' + synack() +
         data(1, chunk, control=REL | ACT) + data(1449, chunk) +
         data(2897, chunk, control=REL | ACT) + data(4345, b'x', ACK | FIN)),
        ('we-close', b'\x01' + synack() + data(1, b'hi', control=REL | ACT) +
         record(REL | ACT, b'') + record(REL | ACT, b'') +
         record(REL, segment(3, 2, ACK, options=ts(2100))) +
         record(REL, segment(3, 2, ACK | FIN, options=ts(2200))) +
         record(delay(8), segment(4, 2, ACK, options=ts(2300)))),
        ('reset', b'\x08' + synack(ts=False, sack=False) +
         record(REL, segment(1, 0, RST)) + record(REL, segment(5, 0, RST))),
        ('refused', b'\x00' + record(REL, segment(0, 1, RST | ACK))),
        ('plain-peer', b'\x08' + record(REL, segment(0, 1, SYN | ACK, window=0)) +
         record(delay(7), segment(1, 1, ACK, window=0)) +
         record(delay(8), segment(1, 1, ACK, window=100))),
        ('timeout', b'\x08' + record(delay(15), b'') + record(delay(15), b'')),
    ]
