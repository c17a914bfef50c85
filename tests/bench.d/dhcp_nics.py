#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""DHCP on machines with several NICs, where only the last one has a
server (make bench section):

  hosted: the program over four TAP links, dnsmasq on the fourth, against
      the same program with the one link: the DHCP time it reports
      (median of 3);
  OVMF/TCG: four NICs, three of them with no network behind them and the
      last on QEMU's user network, boot to the test program by autoboot:
      wireboot's ipxe.efi beside Debian's ipxe.efi (which tries the NICs
      one after the other), from QEMU start to the program's marker.
"""
import os
import re
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
import wbtest  # noqa: E402
from benchlib import DEBIAN_IPXE_EFI, BenchFailure, TimedMachine, table  # noqa: E402
from wbtest import BIN, boot_esp, run_make  # noqa: E402

RUNS = 3
MARKER = r'WIREBOOT-TESTPROG: started'


def hosted_dhcp(links):
    import hostedlab
    times = []
    for _ in range(RUNS):
        with hostedlab.Lab('bench-nics%d' % links, links=links) as lab:
            server = lab.add_server(hostedlab.SERVER, link=links - 1)
            lab.dnsmasq(server, 'dhcp', [
                '--port=0', '--no-ping',
                '--dhcp-range=%s.50,%s.99,1h' % (hostedlab.SUBNET, hostedlab.SUBNET),
                '--dhcp-boot=boot.efi'])
            status, output = lab.wireboot('dhcp\n')
            match = re.search(r'DHCP \(net%d [0-9a-f:]+\) ok \((\d+\.\d+) s\)' %
                              (links - 1), output)
            if status or not match:
                raise BenchFailure('no lease (exit status %d)' % status)
            times.append(float(match.group(1)))
    return statistics.median(times)


def qemu_boot(image, nics, tftp, name):
    args = []
    for i in range(nics - 1):
        # A NIC with nothing behind it: its DHCP can only time out.
        args += ['-device', 'e1000,mac=52:54:00:00:00:%02x,romfile=' % (i + 1)]
    args += ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % tftp,
             '-device', 'virtio-net-pci,netdev=n0,romfile=']
    with TimedMachine(name, esp=boot_esp(image), args=args) as vm:
        try:
            vm.wait_for(MARKER, timeout=600)
        except wbtest.TestFailure:
            raise BenchFailure('no boot within 600 s (bin-host/logs/%s.log)' % name)
        return vm.elapsed()


def main():
    rows = []
    try:
        one, four = hosted_dhcp(1), hosted_dhcp(4)
        rows.append(['wireboot (hosted)', '%.2f s' % one, '%.2f s' % four])
    except (BenchFailure, wbtest.TestFailure) as e:
        rows.append(['wireboot (hosted)', str(e).splitlines()[0][:70]])
    table('DHCP with the server on the last of four NICs: hosted program, '
          'reported DHCP time (median of %d)' % RUNS,
          ['program', 'one NIC', 'four NICs'], rows)

    run_make(['bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/testprog.efi'])
    tftp = tempfile.mkdtemp(prefix='wireboot-bench-nics-')
    rows = []
    try:
        shutil.copy(os.path.join(BIN, 'testprog.efi'), tftp)
        candidates = [('wireboot ipxe.efi', os.path.join(BIN, 'ipxe.efi'))]
        if os.path.exists(DEBIAN_IPXE_EFI):
            candidates.append(('Debian ipxe.efi', DEBIAN_IPXE_EFI))
        for label, image in candidates:
            cells = [label]
            for nics in (1, 4):
                try:
                    cells.append('%.1f s' % qemu_boot(image, nics, tftp,
                                                      'bench-nics-%s-%d' % (
                                                          label.split()[0].lower(), nics)))
                except BenchFailure as e:
                    cells.append(str(e))
            rows.append(cells)
    finally:
        shutil.rmtree(tftp, ignore_errors=True)
    table('Autoboot with the server on the last of four NICs under OVMF/TCG: QEMU '
          'start to the test program', ['image', 'one NIC', 'four NICs'], rows)


if __name__ == '__main__':
    main()
