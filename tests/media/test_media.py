# SPDX-License-Identifier: GPL-2.0-or-later
"""ISO and USB images boot under OVMF from every medium they are meant for,
and are rebuilt bit-identically."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BANNER, BIN, ROOT, Machine, check  # noqa: E402

ISO = os.path.join(BIN, 'ipxe.iso')
USB = os.path.join(BIN, 'ipxe.usb')


def boot_and_expect_banner(name, args):
    with Machine(name, args=args + ['-net', 'none']) as vm:
        vm.wait_for(BANNER)


def usb_stick(image):
    return ['-device', 'qemu-xhci',
            '-drive', 'if=none,id=stick,format=raw,readonly=on,file=' + image,
            '-device', 'usb-storage,drive=stick,bootindex=0']


def test_iso_boots_from_cd_drive():
    boot_and_expect_banner('media-iso-cd', [
        '-drive', 'if=none,id=cd,media=cdrom,readonly=on,format=raw,file=' + ISO,
        '-device', 'ide-cd,drive=cd,bootindex=0'])


def test_iso_boots_from_usb_stick():
    boot_and_expect_banner('media-iso-usb', usb_stick(ISO))


def test_usb_image_boots_from_usb_stick():
    boot_and_expect_banner('media-usb', usb_stick(USB))


def test_missing_tools_named_clearly():
    env = dict(os.environ, PATH='/nonexistent', SOURCE_DATE_EPOCH='1700000000')
    out = os.path.join(ROOT, 'bin-host', 'missing-tools.iso')
    proc = subprocess.run([sys.executable, os.path.join(ROOT, 'util', 'mkmedia'), 'iso',
                           os.path.join(BIN, 'ipxe.efi'), out], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    check(proc.returncode != 0, 'mkmedia succeeded without mtools')
    check('mtools and xorriso' in proc.stdout and 'apt-get install mtools xorriso' in proc.stdout,
          'no clear message about mtools: %r' % proc.stdout)
    check(not os.path.exists(out), 'a partial ISO was left behind')
