# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_e1000 and fuzz_nic_e1000e: receive descriptors
written back (length, status "done" and "end of packet") over frames in
their buffers, a frame spread over two descriptors, a transmit written
back as done. Live regions: the rings block (receive ring of 32 16-byte
descriptors, then the transmit ring), then the receive buffers."""
from nic_program import dma_bytes, dma_word, frame, poll, transmit

RINGS, FIRST_BUFFER = 0, 1
TX_RING = 32 * 16
DD, EOP = 0x01, 0x02


def written_back(index, length, status):
    return dma_word(RINGS, 16 * index + 8, length) + dma_word(RINGS, 16 * index + 12, status)


def seeds():
    ops = b''
    for n in range(3):
        data = frame(60 + 700 * n, n)
        ops += dma_bytes(FIRST_BUFFER + n, 0, data) + written_back(n, len(data), DD | EOP)
    yield 'receive', ops + poll()
    yield 'receive-long-frame', (written_back(0, 2048, DD) + written_back(1, 100, DD | EOP) +
                                 poll())
    yield 'transmit', transmit(frame(60)) + dma_word(RINGS, TX_RING + 12, DD) + poll()
