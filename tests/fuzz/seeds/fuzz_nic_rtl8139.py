# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_rtl8139: receive-ring entries (header: status ROK,
length with CRC; frame; CRC), the "ring empty" bit cleared, polls; a
transmit completed through its status register."""
import struct

from nic_program import dma_bytes, frame, poll, register, transmit

MEMORY_BAR = 1
CR, TSD0 = 0x37, 0x10
RX_RING, ROK, TOK = 0, 0x0001, 1 << 15


def entry(data):
    return struct.pack('<HH', ROK, len(data) + 4) + data + b'\xc0\xc1\xc2\xc3'


def seeds():
    first, second = frame(60, 1), frame(1514, 2)
    ring = entry(first)
    ring += bytes(-len(ring) % 4)
    ring += entry(second)
    yield 'receive', (dma_bytes(RX_RING, 0, ring) + register(MEMORY_BAR, CR, 0x0c, 1) +
                      poll() + register(MEMORY_BAR, CR, 0x0d, 1) + poll())
    yield 'transmit', (transmit(frame(42)) + register(MEMORY_BAR, TSD0, TOK | 60) + poll())
