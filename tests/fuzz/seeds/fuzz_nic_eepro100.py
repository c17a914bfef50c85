# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_nic_eepro100: receive frame descriptors completed by the
chip (status complete and OK, actual count with its EOF and F flags, the
frame in the descriptor) and a transmit block completed. The shared area
(the first live region) holds 32 receive descriptors of 1536 bytes, then
16 command blocks of 1536 bytes; block 0 is the address setup, transmits
start at block 1."""
from nic_program import dma_bytes, dma_word, frame, poll, transmit

AREA, RFD, CB = 0, 1536, 1536
COMMAND_BLOCKS = 32 * RFD
COMPLETE_OK = 0x8000 | 0x2000
EOF_F, ROOM = 0xc000, 1520


def completed(index, data):
    base = RFD * index
    return (dma_bytes(AREA, base + 16, data) + dma_word(AREA, base + 12,
                                                        (len(data) | EOF_F) | ROOM << 16) +
            dma_word(AREA, base, COMPLETE_OK))


def seeds():
    yield 'receive', b''.join(completed(n, frame(60 + 700 * n, n)) for n in range(3)) + poll()
    yield 'transmit', transmit(frame(60)) + dma_word(AREA, COMMAND_BLOCKS + CB, COMPLETE_OK) + poll()
