#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""ROM sizes per target, with compression ratio, beside the ROM Debian's
ipxe-qemu package ships for the same PCI device."""
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
from wbtest import BIN, HOST_BIN  # noqa: E402

ROMINFO = os.path.join(HOST_BIN, 'rominfo')
IMAGE_LINE = re.compile(r'image \d+ at offset 0x[0-9a-f]+: (\S+).*?, (\d+) bytes')
PCIR_LINE = re.compile(r'vendor 0x([0-9a-f]{4}), device 0x([0-9a-f]{4})')
DEVICE_LIST_LINE = re.compile(r'device list:((?: 0x[0-9a-f]{4})+)')
PE_LINE = re.compile(r'PE image at 0x[0-9a-f]+: (EFI-compressed, (\d+) bytes -> (\d+) bytes|uncompressed, (\d+) bytes)')


def describe(rom):
    """(primary PCI id, {kind: size}, compressed, uncompressed) of a ROM."""
    out = subprocess.run([ROMINFO, rom], stdout=subprocess.PIPE, text=True).stdout
    sizes = {}
    for kind, size in IMAGE_LINE.findall(out):
        sizes[kind] = sizes.get(kind, 0) + int(size)
    pcir = PCIR_LINE.search(out)
    pe = PE_LINE.search(out)
    stored = unpacked = None
    if pe and pe.group(2):
        stored, unpacked = int(pe.group(2)), int(pe.group(3))
    elif pe:
        stored = unpacked = int(pe.group(4))
    return (pcir.group(1) + pcir.group(2) if pcir else '?'), sizes, stored, unpacked


def debian_roms():
    """Debian's ROMs by every PCI ID they serve (primary and device list)."""
    debian = {}
    for rom in sorted(glob.glob('/usr/lib/ipxe/qemu/efi-*.rom')):
        pci_id, sizes, _, _ = describe(rom)
        out = subprocess.run([ROMINFO, rom], stdout=subprocess.PIPE, text=True).stdout
        ids = {pci_id} | {pci_id[:4] + device[2:] for match in DEVICE_LIST_LINE.findall(out)
                          for device in match.split()}
        for each in ids | {os.path.basename(rom)}:
            debian[each] = (os.path.basename(rom), sizes.get('EFI', 0), os.path.getsize(rom))
    return debian


def debian_name(driver):
    """QEMU's ROM file name for our driver (its primary ID may differ:
    Debian's virtio ROM names the modern device first)."""
    return 'efi-%s.rom' % ('virtio' if driver == 'virtio-net' else driver.replace('-', '_'))


def built_roms():
    """The ROMs the build makes: the test driver's and every NIC driver's."""
    with open(os.path.join(BIN, '.obj', 'pci-ids.mk')) as f:
        drivers = re.search(r'^DRIVERS := (.*)$', f.read(), re.M).group(1).split()
    return [os.path.join(BIN, name + '.efirom') for name in ['testdrv'] + drivers]


def main():
    debian = debian_roms()
    rows = [['ROM', 'PCI ID', 'bytes', 'driver image', 'compressed to', 'Debian ROM (EFI part / whole)']]
    for rom in built_roms():
        pci_id, sizes, stored, unpacked = describe(rom)
        peer = debian.get(pci_id) or debian.get(
            debian_name(os.path.basename(rom)[:-len('.efirom')]))
        rows.append([os.path.basename(rom), pci_id, os.path.getsize(rom),
                     unpacked or '?',
                     '%d (%.0f%%)' % (stored, 100.0 * stored / unpacked) if stored else '?',
                     '%s %d / %d' % peer if peer else '-'])
    print('\n== Option ROM sizes (ROM_MAX default 262144)')
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print('  ' + '  '.join(str(c).ljust(w) for c, w in zip(row, widths)))


if __name__ == '__main__':
    main()
