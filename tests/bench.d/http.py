#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTP figures beside Debian's ipxe.efi (package ipxe), in one run:

  64 MiB from nginx on 127.0.0.1 (10.0.2.2 to the guest, QEMU user
      networking, virtio-net, OVMF/TCG), both images autobooting a DHCP
      boot file that fetches it RUNS times;
  1 GiB the same way, once per image, with the peak memory of the QEMU
      process (its VmHWM: the guest pages that were ever touched, which
      a download that copies its buffer while it grows would inflate).

Times are taken on the host between the echo markers around each download
(benchlib.TimedMachine). A failed download is reported in its cell.
"""
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
from benchlib import (DEBIAN_IPXE_EFI, BenchFailure, TimedMachine,  # noqa: E402
                      await_marker, median_or_none, mib_per_s, table)
from nginxlab import Nginx  # noqa: E402
from wbtest import BIN, boot_esp, run_make  # noqa: E402

RUNS = 3
SIZES = {'64 MiB': 64 << 20, '1 GiB': 1 << 30}
FAIL = r'BdsDxe: failed to start|UEFI Interactive Shell|Could not fetch|Connection reset'


def write_file(path, size):
    block = os.urandom(1 << 20)
    with open(path, 'wb') as f:
        for i in range(size >> 20):
            f.write(bytes([i & 0xff]) + block[1:])


def bench_script(port, name, runs):
    """Fetches name runs times between numbered markers; the run ends at
    the last marker (Debian's build has no poweroff)."""
    body = ''.join('echo BENCH-START-%d\nimgfetch http://10.0.2.2:%d/%s\necho BENCH-END-%d\n'
                   'imgfree\n' % (i, port, name, i) for i in range(runs))
    return '#!ipxe\n' + body + 'echo BENCH-DONE\n'


def peak_memory_mib(pid):
    try:
        with open('/proc/%d/status' % pid) as f:
            match = re.search(r'^VmHWM:\s+(\d+) kB', f.read(), re.M)
    except OSError:
        return None
    return int(match.group(1)) / 1024 if match else None


def measure(label, image, tftp, runs, memory):
    """Seconds of each download, and the QEMU process's peak memory."""
    # (TCP's initial sequence numbers need an entropy source: virtio-rng.)
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=bench.ipxe' % tftp,
            '-device', 'virtio-net-pci,netdev=n0,romfile=', '-device', 'virtio-rng-pci']
    name = 'bench-http-%s-%d' % (label, runs)
    with TimedMachine(name, esp=boot_esp(image), args=args, memory=memory) as vm:
        times = []
        for i in range(runs):
            _, start = await_marker(vm, r'BENCH-START-%d\n' % i, 300, FAIL)
            _, end = await_marker(vm, r'BENCH-END-%d\n' % i, 1800, FAIL)
            download = vm.text()
            download = download[download.index('BENCH-START-%d\n' % i):]
            if re.search(r'Could not|rror', download.split('BENCH-END')[0]):
                raise BenchFailure('download failed')
            times.append(end - start)
        peak = peak_memory_mib(vm.process.pid)
    return times, peak


def main():
    run_make(['bin-x86_64-efi/ipxe.efi'])
    work = tempfile.mkdtemp(prefix='wireboot-bench-http-')
    try:
        root = os.path.join(work, 'root')
        os.mkdir(root)
        for label, size in SIZES.items():
            write_file(os.path.join(root, label.replace(' ', '') + '.bin'), size)
        images = [('wireboot', 'wireboot ipxe.efi', os.path.join(BIN, 'ipxe.efi'))]
        if os.path.exists(DEBIAN_IPXE_EFI):
            images.append(('debian', 'Debian ipxe.efi', DEBIAN_IPXE_EFI))
        rows = {label: [] for label in SIZES}
        with Nginx(work, root) as nginx:
            for label, size in SIZES.items():
                runs = RUNS if size < (1 << 30) else 1
                tftp = os.path.join(work, 'tftp-' + label.replace(' ', ''))
                os.mkdir(tftp)
                with open(os.path.join(tftp, 'bench.ipxe'), 'w') as f:
                    f.write(bench_script(nginx.port, label.replace(' ', '') + '.bin', runs))
                for key, text, image in images:
                    try:
                        times, peak = measure(key, image, tftp, runs, 2048)
                    except BenchFailure as e:
                        rows[label].append([text, str(e)])
                        continue
                    best = median_or_none(times)
                    rows[label].append([text, '%.2f s' % best, mib_per_s(size, best),
                                        '%.0f MiB' % peak if peak else '-'])
        for label in SIZES:
            table('HTTP %s from nginx: virtio-net, OVMF/TCG, QEMU user networking%s' %
                  (label, ' (median of %d)' % RUNS if SIZES[label] < (1 << 30) else ''),
                  ['image', 'time', 'throughput', 'QEMU peak RSS (guest -m 2048)'],
                  rows[label])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
