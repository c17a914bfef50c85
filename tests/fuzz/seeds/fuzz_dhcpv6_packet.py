# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dhcpv6_packet: an ADVERTISE and a REPLY as dnsmasq
sends them."""
import struct


def option(code, data):
    return struct.pack('!HH', code, len(data)) + data


def message(kind, options):
    return bytes([kind, 0x12, 0x34, 0x56]) + options


def seeds():
    duid = bytes.fromhex('0003000102a54b029607')
    iaaddr = option(5, bytes.fromhex('20010db8000000000000000000000110') +
                    struct.pack('!II', 3600, 3600))
    ia_na = option(3, struct.pack('!III', 1, 1800, 3150) + iaaddr +
                   option(13, b'\0\0ok'))
    rest = (option(23, bytes.fromhex('20010db8000000000000000000000053')) +
            option(24, b'\x04boot\x04test\x00') +
            option(59, b'tftp://[2001:db8::1]/boot.efi') +
            option(60, b'\x00\x03a=1'))
    common = option(1, duid) + option(2, duid) + ia_na + rest
    return [
        ('advertise', message(2, common + option(7, b'\xff'))),
        ('reply', message(7, common)),
    ]
