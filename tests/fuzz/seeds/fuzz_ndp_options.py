# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_ndp_options: the options of a router advertisement as
routers send them (Ethernet: 6-byte link-layer addresses)."""
import struct


def seeds():
    sll = bytes([1, 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56])
    mtu = struct.pack('!BBHI', 5, 1, 0, 1500)
    prefix = (struct.pack('!BBBBIII', 3, 4, 64, 0xc0, 3600, 1800, 0) +
              bytes.fromhex('20010db8000000000000000000000000'))
    rdnss = struct.pack('!BBHI', 25, 3, 0, 600) + bytes.fromhex('20010db8000000000000000000000053')
    return [
        ('advert', bytes([6]) + sll + mtu + prefix + rdnss),
        ('target', bytes([6, 2, 1, 0x52, 0x54, 0, 0x12, 0x34, 0x56])),
    ]
