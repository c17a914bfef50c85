# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_virtio_net: used-ring entries of the receive queue
(chain head, length of header and frame) with frames in the posted
buffers, and a used transmit entry.

Layout of a legacy 256-entry queue (virtio 1.x, section 2.7): descriptor
table at 0, available ring at 4096, used ring page-aligned at 8192
(flags, idx, then id/len pairs). Live regions in the order the driver
opens: receive ring, transmit ring, net headers, then the receive
buffers."""
from nic_program import dma_bytes, dma_word, frame, poll, transmit

RX_RING, TX_RING, FIRST_BUFFER = 0, 1, 3
USED, HEADER_LEN = 8192, 10


def used(ring, entries):
    ops = dma_word(ring, USED, len(entries) << 16)
    for n, (head, length) in enumerate(entries):
        ops += dma_word(ring, USED + 4 + 8 * n, head) + dma_word(ring, USED + 8 + 8 * n, length)
    return ops


def seeds():
    ops, entries = b'', []
    for n in range(3):
        data = frame(60 + 600 * n, n)
        ops += dma_bytes(FIRST_BUFFER + n, 0, data)
        entries.append((2 * n, HEADER_LEN + len(data)))   # two descriptors a frame
    yield 'receive', ops + used(RX_RING, entries) + poll()
    yield 'transmit', transmit(frame(60)) + used(TX_RING, [(0, 0)]) + poll()
    # A device that rewrites the second descriptor of a posted chain to
    # point past the table (flags NEXT | WRITE, next 0xffff), then returns
    # the chain: the driver once followed that link out of the table.
    yield 'descriptor-next-out-of-range', (dma_word(RX_RING, 16 + 12, 0x3 | 0xffff << 16) +
                                           used(RX_RING, [(0, HEADER_LEN + 60)]) + poll())
