# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_vmxnet3: receive completions for the first posted
buffers (start and end of packet, a length, the current generation) with
frames in those buffers, and one completion of a transmit.

The offsets are those of struct vmxnet3_dma in vmxnet3.c when the seeds
were written (receive completion ring at 3584, transmit completions at
2048); if the layout changes, the seeds only get weaker (fuzzing still
finds the rings, more slowly)."""
import struct

from nic_program import dma_bytes, dma_word, frame, poll, transmit

BLOCK = 0                 # the coherent block: the first live region
RX_COMP, TX_COMP = 3584, 2048
SOP, EOP, GEN = 0x8000, 0x4000, 1 << 31


def completion(offset, index, length):
    return (dma_word(BLOCK, offset, index) + dma_word(BLOCK, offset + 8, length) +
            dma_word(BLOCK, offset + 12, GEN))


def seeds():
    ops = b''
    for slot in range(3):
        data = frame(60 + 700 * slot, slot)
        ops += dma_bytes(1 + slot, 0, data) + completion(RX_COMP + 16 * slot, slot | SOP | EOP,
                                                         len(data))
    yield 'receive', ops + poll()
    yield 'transmit', transmit(frame(60)) + dma_word(BLOCK, TX_COMP, 0) + \
        dma_word(BLOCK, TX_COMP + 12, GEN) + poll()
