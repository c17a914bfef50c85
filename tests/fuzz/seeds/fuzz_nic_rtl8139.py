# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_rtl8139, each after the byte that picks the chip.
Original mode (0): receive-ring entries (header: status ROK, length with
CRC; frame; CRC), the "ring empty" bit cleared, polls; a transmit
completed through its status register. C+ mode (1): receive descriptors
handed back (OWN clear, first and last segment, length with CRC) over
frames in their buffers, polls; a transmit descriptor handed back."""
import struct

from nic_program import dma_bytes, dma_word, frame, poll, register, transmit

MEMORY_BAR = 1
CR, TSD0 = 0x37, 0x10
RX_RING, ROK, TOK = 0, 0x0001, 1 << 15
ORIGINAL, CPLUS = b'\x00', b'\x01'
# C+ mode: region 0 holds the receive ring (32 descriptors of 16 bytes),
# then the transmit ring; regions 1.. are the receive buffers.
RINGS, RX_BUFFER, TX_RING = 0, 1, 32 * 16
FS_LS, EOR = (1 << 29) | (1 << 28), 1 << 30


def entry(data):
    return struct.pack('<HH', ROK, len(data) + 4) + data + b'\xc0\xc1\xc2\xc3'


def seeds():
    first, second = frame(60, 1), frame(1514, 2)
    ring = entry(first)
    ring += bytes(-len(ring) % 4)
    ring += entry(second)
    yield 'receive', (ORIGINAL + dma_bytes(RX_RING, 0, ring) +
                      register(MEMORY_BAR, CR, 0x0c, 1) + poll() +
                      register(MEMORY_BAR, CR, 0x0d, 1) + poll())
    yield 'transmit', (ORIGINAL + transmit(frame(42)) +
                       register(MEMORY_BAR, TSD0, TOK | 60) + poll())
    yield 'cplus-receive', (CPLUS + dma_bytes(RX_BUFFER, 0, first + b'\xc0\xc1\xc2\xc3') +
                            dma_word(RINGS, 0, FS_LS | (len(first) + 4)) + poll() +
                            dma_bytes(RX_BUFFER + 1, 0, second[:255]) +
                            dma_word(RINGS, 16, FS_LS | (len(second) + 4)) + poll())
    yield 'cplus-transmit', (CPLUS + transmit(frame(60)) +
                             dma_word(RINGS, TX_RING, FS_LS | 60) + poll())
