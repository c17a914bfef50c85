# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_vlan: tagged frames to the trunk (MAC 02:00:00:00:00:01)
for VLAN 42: an ARP request for its address, an echo request to it, and
frames of another VLAN and with a bad tag."""
import struct

OURS = bytes([2, 0, 0, 0, 0, 1])
PEER = bytes([2, 0, 0, 0, 0, 2])
BROADCAST = b'\xff' * 6


def tagged(dest, tci, ethertype, payload):
    return dest + PEER + struct.pack('!HHH', 0x8100, tci, ethertype) + payload


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return ~total & 0xffff


def arp_request():
    return struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + PEER + bytes([10, 0, 1, 1]) + \
        bytes(6) + bytes([10, 0, 1, 2])


def echo_request():
    icmp = struct.pack('!BBHHH', 8, 0, 0, 1, 1) + bytes(range(16))
    icmp = icmp[:2] + struct.pack('!H', checksum(icmp)) + icmp[4:]
    header = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(icmp), 1, 0, 64, 1, 0,
                         bytes([10, 0, 1, 1]), bytes([10, 0, 1, 2]))
    header = header[:10] + struct.pack('!H', checksum(header)) + header[12:]
    return header + icmp


def seeds():
    return [
        ('arp', tagged(BROADCAST, 42, 0x0806, arp_request())),
        ('echo', tagged(OURS, 42, 0x0800, echo_request())),
        ('other-vlan', tagged(BROADCAST, 43, 0x0806, arp_request())),
        ('priority-only', tagged(BROADCAST, 0x2000, 0x0806, arp_request())),
        ('short', OURS + PEER + b'\x81\x00\x00'),
    ]
