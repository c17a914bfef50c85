# SPDX-License-Identifier: GPL-2.0-or-later
"""The script language and the platform's settings and commands under
OVMF, in one boot: tests/qemu/scripts/language.ipxe followed by
platform.ipxe runs as autoexec.ipxe, and its output must equal
language.expected and platform.expected line by line. The machine has
SMBIOS strings of our own, a virtio NIC on QEMU's user network (DHCP
names a host and a domain, TFTP serves args.ipxe), and Ctrl-C typed on
the serial console ends a "sleep 600"."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, TestFailure, boot_esp, check  # noqa: E402
from scriptsuite import SCRIPTS, compare, read  # noqa: E402

SMBIOS = [
    '-smbios', 'type=1,manufacturer=WireCorp,product=TestBox,serial=SN123,'
    'uuid=12345678-9abc-def0-1234-56789abcdef0',
    '-smbios', 'type=2,serial=BRD-9',
    '-smbios', 'type=3,asset=ASSET-7',
]


def suite_script():
    """language.ipxe with its final "exit" going on to platform.ipxe
    instead (the same number of lines, so errors name the same lines)."""
    language = read('language.ipxe')
    marker = 'echo == done\nexit\n'
    assert language.count(marker) == 1
    return language.replace(marker, 'echo == done\ngoto platform\n') + \
        read('platform.ipxe')


def test_script_suite():
    top = tempfile.mkdtemp(prefix='wireboot-script-suite-')
    try:
        script = os.path.join(top, 'autoexec.ipxe')
        with open(script, 'w') as f:
            f.write(suite_script())
        tftp = os.path.join(top, 'tftp')
        os.makedirs(tftp)
        shutil.copy(os.path.join(SCRIPTS, 'args.ipxe'), tftp)
        esp = boot_esp(os.path.join(BIN, 'ipxe.efi'))
        esp['EFI/BOOT/autoexec.ipxe'] = script
        args = SMBIOS + [
            '-netdev', 'user,id=n0,tftp=%s,bootfile=boot.efi,'
            'hostname=wbhost,domainname=example.test' % tftp,
            '-device', 'virtio-net-pci,netdev=n0,romfile=,mac=52:54:00:12:34:56',
        ]
        with Machine('script-suite', esp=esp, args=args, serial_input=True) as vm:
            vm.wait_for(r'== sleep\n', timeout=240)
            # Ctrl-C until the sleep gives up (the first may come before
            # the command reads the keyboard).
            for _ in range(20):
                vm.send(b'\x03')
                try:
                    vm.wait_for(r'sleep-interrupted\n', timeout=3)
                    break
                except TestFailure:
                    continue
            vm.wait_exit(60)
            output = vm.text()
        compare(output, 'language.expected')
        compare(output, 'platform.expected')
        # help lists every command of the build (others come and go).
        listing = output[output.index('== end\n'):]
        for name in ('pciscan', 'reboot', 'cpuid', 'md5sum', 'sha1sum',
                     'sha256sum', 'inc', 'sleep', 'module', 'goto'):
            check(re.search(r'(^|\s)%s(\s|$)' % name, listing),
                  'help does not list %s:\n%s' % (name, listing))
    finally:
        shutil.rmtree(top, ignore_errors=True)
