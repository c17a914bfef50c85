# SPDX-License-Identifier: GPL-2.0-or-later
"""The network commands in ipxe.efi under OVMF, on QEMU's user network:
route, ifstat, ping of the gateway (QEMU answers echoes to 10.0.2.2),
nslookup, time, a VLAN device made and removed, a ping stopped by Ctrl-C
(a success, as it was answered), and the wall clock read
from the firmware's real-time clock (GetTime) through ${unixtime}."""
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402


def test_network_commands_in_ipxe_efi():
    top = tempfile.mkdtemp(prefix='wireboot-netcmds-')
    try:
        path = os.path.join(top, 'autoexec.ipxe')
        with open(path, 'w') as f:
            f.write('#!ipxe\n'
                    'dhcp\n'
                    'route\n'
                    'ifstat net0\n'
                    'ping --count 2 --timeout 2000 10.0.2.2\n'
                    'nslookup gw 10.0.2.2\n'
                    'echo GW=${gw} TIME=${unixtime}\n'
                    'time ping -c 1 10.0.2.2\n'
                    'vcreate --tag 7 net0\n'
                    'ifstat net0-7\n'
                    'vdestroy net0-7\n'
                    'ping 10.0.2.2 && echo PING-STOPPED\n'
                    'echo NETCMDS-END\n'
                    'poweroff\n')
        esp = boot_esp(os.path.join(BIN, 'ipxe.efi'))
        esp['EFI/BOOT/autoexec.ipxe'] = path
        args = ['-netdev', 'user,id=n0', '-rtc', 'base=utc',
                '-device', 'virtio-net-pci,netdev=n0,romfile=']
        with Machine('netcmds', esp=esp, args=args, serial_input=True) as vm:
            # A ping without --count runs until Ctrl-C.
            vm.wait_for(r'from 10\.0\.2\.2: seq=2\n(.|\n)*from 10\.0\.2\.2: seq=2\n',
                        timeout=240)
            vm.send(b'\x03')
            vm.wait_for(r'NETCMDS-END\n', timeout=60)
            now = time.time()
            vm.wait_exit(60)
            text = vm.text()
        check(re.search(r'^net0: 10\.0\.2\.15/255\.255\.255\.0 gw 10\.0\.2\.2', text,
                        re.M), text)
        check(re.search(r'net0: [0-9a-f:]{17} using virtio-net on .*\(open\)\n'
                        r'  \[Link:up, TX:\d+ TXE:0 RX:\d+', text), text)
        check('64 bytes from 10.0.2.2: seq=2' in text, text)
        check('--- 10.0.2.2: 2 sent, 2 received, 0 lost' in text, text)
        match = re.search(r'GW=(\S+) TIME=(\d+)', text)
        check(match and match.group(1) == '10.0.2.2', text)
        # The guest's clock is the host's (UTC), give or take the boot.
        check(abs(int(match.group(2)) - now) < 600, 'unixtime %s, host %d' %
              (match.group(2), now))
        check(re.search(r'^ping: \d+\.\d{3}s$', text, re.M), text)
        check('net0-7: VLAN 7 on net0' in text, text)
        check(re.search(r'net0-7: [0-9a-f:]{17} using vlan on net0 tag 7', text), text)
        check(re.search(r'--- 10\.0\.2\.2: (\d+) sent, \1 received, 0 lost\n'
                        r'PING-STOPPED\n', text), text)
    finally:
        shutil.rmtree(top, ignore_errors=True)
