# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_smbios: a table as firmware lays one out (system with
strings, chassis, end of table) and the two entry point versions."""
import struct


def checksummed(data, at):
    data = bytearray(data)
    data[at] = (-sum(data)) & 0xff
    return bytes(data)


def seeds():
    system = (bytes([1, 0x1b, 0, 1, 1, 2, 0, 3]) + bytes(range(16)) +
              bytes([6, 0, 0]) + b'WireCorp\0Test Box\0SN123\0\0')
    chassis = bytes([3, 9, 0, 3, 0, 1, 0, 0, 1]) + b'ASSET-7\0\0'
    end = bytes([0x7f, 4, 0xff, 0xff, 0, 0])
    ep3 = checksummed(b'_SM3_\0' + bytes([24, 3, 2, 0, 1, 0]) +
                      struct.pack('<IQ', 0x4000, 0x1000), 5)
    dmi = checksummed(b'_DMI_\0' + struct.pack('<HIH', 0x40, 0xf0000, 3) + b'\x28', 5)
    ep2 = checksummed(b'_SM_\0' + bytes([31, 2, 8]) + bytes(8) + dmi, 4)
    return [
        ('table', system + chassis + end),
        ('no-strings', bytes([3, 9, 1, 3, 0, 0, 0, 0, 0, 0, 0]) + end),
        ('entry3', ep3),
        ('entry2', ep2),
    ]
