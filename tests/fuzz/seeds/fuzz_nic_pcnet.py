# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_pcnet: receive descriptors handed back by the chip
(ownership cleared, start and end of packet, message length with the
FCS) over frames in their buffers, and a transmit descriptor handed back.
Live regions: the descriptor area (32 receive descriptors of 16 bytes,
then 16 transmit ones), then the receive buffers."""
from nic_program import dma_bytes, dma_word, frame, poll, transmit

AREA, FIRST_BUFFER = 0, 1
TX_RING = 32 * 16
STP, ENP, BCNT = 0x0200, 0x0100, 0xf000 | (-1536 & 0x0fff)
FCS = 4


def handed_back(index, length):
    return (dma_word(AREA, 16 * index + 4, BCNT | (STP | ENP) << 16) +
            dma_word(AREA, 16 * index + 8, length + FCS))


def seeds():
    ops = b''
    for n in range(3):
        data = frame(60 + 700 * n, n)
        ops += dma_bytes(FIRST_BUFFER + n, 0, data) + handed_back(n, len(data))
    yield 'receive', ops + poll()
    yield 'transmit', transmit(frame(60)) + dma_word(AREA, TX_RING + 4, 0) + poll()
