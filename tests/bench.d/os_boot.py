#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Boot times (make bench section), OVMF/TCG with virtio-net on QEMU's
user network, wireboot's ipxe.efi beside Debian's ipxe.efi in one run:

  script: from the image's first line (our banner, Debian's "iPXE
      initialising devices") to the first line of the script that DHCP
      names as boot file (by TFTP from QEMU's server);
  Linux: from QEMU's start (power-on) to the first line of the init of
      Debian's cloud kernel, kernel and initramfs fetched by HTTP from
      nginx on 127.0.0.1 (initrd= on the command line, which both read).

Times are taken on the host when the console line arrives; each is the
median of RUNS boots.
"""
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
import osfixtures  # noqa: E402
from benchlib import (DEBIAN_IPXE_EFI, BenchFailure, TimedMachine,  # noqa: E402
                      await_marker, median_or_none, table)
from nginxlab import Nginx  # noqa: E402
from wbtest import BIN, boot_esp, run_make  # noqa: E402

RUNS = 3
FIRST_LINE = {'wireboot': r'wireboot \S+ -- network boot firmware',
              'debian': r'iPXE initialising devices'}
SCRIPT = '#!ipxe\necho BENCH-SCRIPT-FIRST-LINE\n'
LINUX = ('#!ipxe\nkernel http://10.0.2.2:%d/vmlinuz console=ttyS0 panic=-1 quiet '
         'initrd=initrd.gz\ninitrd http://10.0.2.2:%d/initrd.gz\nboot\n')


def boot(name, image, root, bootfile, first, last, timeout=300):
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=%s' % (root, bootfile),
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
    with TimedMachine(name, esp=boot_esp(image), args=args, memory=1024) as vm:
        start = await_marker(vm, first, 120)[1] if first else 0.0
        return await_marker(vm, last, timeout)[1] - start


def measure(key, image, root):
    cells = []
    for bootfile, first, last in (
            ('script.ipxe', FIRST_LINE[key], r'BENCH-SCRIPT-FIRST-LINE\n'),
            ('linux.ipxe', None, r'WIREBOOT-INIT: cmdline')):
        times = []
        for run in range(RUNS):
            try:
                times.append(boot('bench-osboot-%s-%s-%d' % (key, bootfile, run), image,
                                  root, bootfile, first, last))
            except BenchFailure as e:
                cells.append(str(e)[:80])
                break
        else:
            cells.append('%.2f s' % median_or_none(times))
    return cells


def main():
    run_make(['bin-x86_64-efi/ipxe.efi'])
    root = tempfile.mkdtemp(prefix='wireboot-bench-osboot-')
    try:
        shutil.copy(osfixtures.kernel(), os.path.join(root, 'vmlinuz'))
        with open(os.path.join(root, 'initrd.gz'), 'wb') as f:
            f.write(osfixtures.initramfs())
        with open(os.path.join(root, 'script.ipxe'), 'w') as f:
            f.write(SCRIPT)
        files = tempfile.mkdtemp(prefix='nginx-', dir=root)
        with Nginx(files, root) as nginx:
            with open(os.path.join(root, 'linux.ipxe'), 'w') as f:
                f.write(LINUX % (nginx.port, nginx.port))
            rows = [['wireboot ipxe.efi'] + measure('wireboot', os.path.join(BIN, 'ipxe.efi'),
                                                    root)]
            if os.path.exists(DEBIAN_IPXE_EFI):
                rows.append(['Debian ipxe.efi'] + measure('debian', DEBIAN_IPXE_EFI, root))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    table('Boot times: virtio-net under OVMF/TCG, QEMU user network (median of %d)' % RUNS,
          ['image', 'first line -> DHCP-served script', 'power-on -> Linux init (HTTP)'],
          rows, ['script by TFTP from QEMU; kernel (Debian cloud) and busybox initramfs '
                 'by HTTP from nginx on 127.0.0.1'])


if __name__ == '__main__':
    main()
