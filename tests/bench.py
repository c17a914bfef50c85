#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""make bench: wireboot's figures beside the peers a user would choose
instead, measured in the same run on the same machine.

Each section prints a small table. Timings under QEMU use TCG (this class
of machine has no usable KVM), so absolute boot times are slow; compare the
columns, not the numbers with real hardware.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))
import wbtest  # noqa: E402
from wbtest import BIN, Machine, boot_esp, run_make, scratch_tree  # noqa: E402
from benchlib import table  # noqa: E402

DEBIAN_IPXE_EFI = '/usr/lib/ipxe/ipxe.efi'
BOOT_RUNS = 3


def bench_build():
    top, tree = scratch_tree('bench-build')
    try:
        start = time.monotonic()
        run_make(['bin-x86_64-efi/ipxe.efi'], cwd=tree)
        elapsed = time.monotonic() - start
    finally:
        shutil.rmtree(top, ignore_errors=True)
    rows = [['wireboot ipxe.efi', '%.1f s' % elapsed, os.path.getsize(os.path.join(BIN, 'ipxe.efi'))]]
    if os.path.exists(DEBIAN_IPXE_EFI):
        rows.append(['Debian ipxe package ipxe.efi', '(prebuilt)', os.path.getsize(DEBIAN_IPXE_EFI)])
    table('Clean build (make -j2) and image size', ['image', 'build time', 'bytes'], rows)


def boot_time(name, image, marker):
    """Seconds from QEMU start to the firmware starting the boot option, and
    to the image's marker on the console."""
    with Machine('bench-' + name, esp=boot_esp(image), args=['-net', 'none']) as vm:
        vm.wait_for(r'BdsDxe: starting Boot', timeout=180)
        firmware = vm.elapsed()
        vm.wait_for(marker, timeout=180)
        return firmware, vm.elapsed()


def bench_boot():
    candidates = [('wireboot', os.path.join(BIN, 'ipxe.efi'), wbtest.BANNER)]
    if os.path.exists(DEBIAN_IPXE_EFI):
        candidates.append(('debian-ipxe', DEBIAN_IPXE_EFI, r'iPXE \d'))
    rows = []
    for name, image, marker in candidates:
        runs = [boot_time(name, image, marker) for _ in range(BOOT_RUNS)]
        to_start = statistics.median(r[0] for r in runs)
        to_banner = statistics.median(r[1] for r in runs)
        rows.append([name, '%.2f s' % to_start, '%.2f s' % to_banner,
                     '%.0f ms' % ((to_banner - to_start) * 1000)])
    table('Firmware start to banner under OVMF/TCG (median of %d)' % BOOT_RUNS,
          ['image', 'QEMU start -> boot option', 'QEMU start -> banner',
           'image start -> banner'], rows)


def main():
    print('wireboot benchmarks (%s, %d CPUs)' % (
        subprocess.run(['uname', '-m'], capture_output=True, text=True).stdout.strip(),
        os.cpu_count()))
    bench_build()
    bench_boot()
    extra = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bench.d')
    if os.path.isdir(extra):
        for entry in sorted(os.listdir(extra)):
            if entry.endswith('.py'):
                subprocess.run([sys.executable, os.path.join(extra, entry)], check=True)


if __name__ == '__main__':
    main()
