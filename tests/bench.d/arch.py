#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Every architecture side by side: the clean build time of ipxe.efi
(make -j2 in a fresh tree, one architecture at a time) and the sizes of
the images and ROMs it then builds. Debian ships its ipxe.efi for x86-64
only, so that column stays empty for the other architectures."""
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'lib'))
from benchlib import DEBIAN_IPXE_EFI, table  # noqa: E402
from wbtest import ROOT, run_make, scratch_tree  # noqa: E402

ARCHES = ['x86_64'] + sorted(a for a in os.listdir(os.path.join(ROOT, 'src', 'arch'))
                             if a != 'x86_64')
SIZED = ['ipxe.efi', 'snponly.efi', 'virtio-net.efidrv', 'virtio-net.efirom', 'e1000.efirom']
DEBIAN = {'x86_64': DEBIAN_IPXE_EFI}


def main():
    times, sizes = {}, {}
    top, tree = scratch_tree('bench-arch')
    try:
        for arch in ARCHES:
            start = time.monotonic()
            run_make(['bin-%s-efi/ipxe.efi' % arch], cwd=tree)
            times[arch] = time.monotonic() - start
            run_make(['bin-%s-efi/%s' % (arch, name) for name in SIZED], cwd=tree)
            sizes[arch] = {name: os.path.getsize(os.path.join(tree, 'bin-%s-efi' % arch, name))
                           for name in SIZED}
    finally:
        shutil.rmtree(top, ignore_errors=True)
    rows = []
    for arch in ARCHES:
        debian = DEBIAN.get(arch)
        rows.append([arch, '%.1f s' % times[arch]] + [sizes[arch][n] for n in SIZED] +
                    [os.path.getsize(debian) if debian and os.path.exists(debian) else '-'])
    table('Per architecture: clean build of ipxe.efi (make -j2) and sizes in bytes',
          ['arch', 'build'] + SIZED + ['Debian ipxe.efi'], rows)


if __name__ == '__main__':
    main()
