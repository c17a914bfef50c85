# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_snp_export (tests/fuzz/fuzz_snp_export.c): frames the
device delivers and the caller receives (in a buffer of the right size and
one too small), frames sent with and without the header filled in, sent
buffers collected, a multicast list."""
import struct

RECEIVE, TRANSMIT, QUEUE, GET_STATUS, FILTERS = 0, 2, 3, 4, 5
SIZES = [0, 1, 13, 14, 15, 59, 60, 61, 1513, 1514, 1515]
OUR_MAC = bytes([0x02, 0, 0, 0, 0, 0x01])
PEER_MAC = bytes([0x02, 0, 0, 0, 0, 0x02])


def size(value):
    if value in SIZES:
        return bytes([SIZES.index(value)])
    return bytes([0xc0]) + struct.pack('<H', value)


def mac(address):
    """An EFI_MAC_ADDRESS: 32 bytes."""
    return address + bytes(32 - len(address))


def arp_request():
    return (b'\xff' * 6 + PEER_MAC + b'\x08\x06' + bytes.fromhex('0001080006040001') +
            PEER_MAC + bytes([10, 0, 0, 1]) + bytes(6) + bytes([10, 0, 0, 2]) + bytes(18))


def queue(frame, destination=3):
    """destination 0: ours, 1: broadcast, 2: multicast, 3: as in the frame."""
    return bytes([QUEUE]) + size(len(frame)) + bytes([destination]) + frame


def receive(buffer_size, flags=0):
    return bytes([RECEIVE, flags]) + size(buffer_size)


def transmit(payload, header=True, ethertype=0x0806):
    flags = 1 if header else 0
    return (bytes([TRANSMIT, flags]) + size(len(payload)) + struct.pack('<H', ethertype) +
            mac(OUR_MAC) + mac(PEER_MAC) + payload)


def seeds():
    arp = arp_request()
    udp = (OUR_MAC + PEER_MAC + b'\x08\x00' + bytes.fromhex('4500001c00000000401100000a0000010a000002') +
           bytes.fromhex('00430044000800000000'))
    yield 'receive', queue(arp) + receive(1514) + queue(udp + bytes(100), 0) + receive(1514, 0x3f)
    yield 'receive-too-small', queue(arp) + receive(13) + receive(59) + receive(60)
    yield 'transmit', transmit(bytes(14) + arp[14:42]) + bytes([GET_STATUS, 0])
    yield 'transmit-raw', transmit(arp, header=False) + transmit(bytes(1514), header=False) + \
        bytes([GET_STATUS, 0, GET_STATUS, 0])
    yield 'multicast', (bytes([FILTERS, 0, 0x03, 0, 2]) + mac(bytes([1, 0, 0x5e, 0, 0, 1])) +
                        mac(bytes([0x33, 0x33, 0, 0, 0, 1])) + queue(arp, 2) + receive(1514))
