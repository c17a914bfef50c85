#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Driver mode beside the peers: thin option ROM sizes (CONFIG=qemu, what
distributions ship for QEMU) next to Debian's ipxe-qemu ROM for the same
PCI ID, and the time from power-on to a PXE-booted test program through
our thin virtio-net ROM, OVMF's own virtio-net driver (romfile= empty) and
Debian's efi-virtio.rom, measured in the same run."""
import os
import re
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
sys.path.insert(0, HERE)
from rom_sizes import debian_name, describe  # noqa: E402
from wbtest import BIN, Machine, run_make, scratch_tree  # noqa: E402
from benchlib import table  # noqa: E402

DEBIAN_ROMS = '/usr/lib/ipxe/qemu'
BOOT_RUNS = 3
MARKER = r'WIREBOOT-TESTPROG: started'


def debian_roms():
    """{PCI id or file name: (file, bytes)} of Debian's EFI ROMs."""
    roms = {}
    if os.path.isdir(DEBIAN_ROMS):
        for name in sorted(os.listdir(DEBIAN_ROMS)):
            if name.startswith('efi-') and name.endswith('.rom'):
                path = os.path.join(DEBIAN_ROMS, name)
                roms[describe(path)[0]] = roms[name] = (name, os.path.getsize(path))
    return roms


def bench_sizes(tree):
    rom_dir = os.path.join(tree, 'bin-x86_64-efi')
    peers = debian_roms()
    rows = []
    for name in sorted(os.listdir(rom_dir)):
        if not name.endswith('.efirom') or re.match(r'[0-9a-f]{8}\.', name) or \
                name.startswith('testdrv'):
            continue
        pci_id, _, stored, unpacked = describe(os.path.join(rom_dir, name))
        peer = peers.get(pci_id) or peers.get(debian_name(name[:-len('.efirom')]))
        rows.append([name, pci_id, os.path.getsize(os.path.join(rom_dir, name)),
                     unpacked or '?', '%s %d' % peer if peer else '-'])
    table('Thin option ROMs (CONFIG=qemu) beside Debian ipxe-qemu',
          ['ROM', 'PCI ID', 'bytes', 'driver image', 'Debian ROM, bytes'], rows)


def pxe_boot_time(name, romfile, tftp):
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % tftp,
            '-device', 'virtio-net-pci,netdev=n0,romfile=%s,bootindex=0' % romfile]
    with Machine('bench-driver-' + name, args=args) as vm:
        vm.wait_for(MARKER, timeout=300)
        return vm.elapsed()


def bench_pxe(tree):
    run_make(['bin-x86_64-efi/testprog.efi'])
    candidates = [('wireboot thin virtio-net.efirom',
                   os.path.join(tree, 'bin-x86_64-efi', 'virtio-net.efirom')),
                  ('OVMF VirtioNetDxe (romfile= empty)', '')]
    debian = os.path.join(DEBIAN_ROMS, 'efi-virtio.rom')
    if os.path.exists(debian):
        candidates.append(('Debian efi-virtio.rom', debian))
    tftp = tempfile.mkdtemp(prefix='wireboot-bench-tftp-')
    rows = []
    try:
        shutil.copy(os.path.join(BIN, 'testprog.efi'), os.path.join(tftp, 'testprog.efi'))
        for label, romfile in candidates:
            times = [pxe_boot_time(str(i), romfile, tftp) for i in range(BOOT_RUNS)]
            rows.append([label, '%.2f s' % statistics.median(times),
                         '%.2f s' % min(times), '%.2f s' % max(times)])
    finally:
        shutil.rmtree(tftp, ignore_errors=True)
    table('OVMF PXE boot of a test program over virtio-net, power-on to marker '
          '(TCG, median of %d)' % BOOT_RUNS, ['NIC driver', 'median', 'min', 'max'], rows)


def main():
    top, tree = scratch_tree('bench-driver-mode')
    try:
        run_make(['CONFIG=qemu', 'all-roms'], cwd=tree)
        bench_sizes(tree)
        bench_pxe(tree)
    finally:
        shutil.rmtree(top, ignore_errors=True)


if __name__ == '__main__':
    main()
