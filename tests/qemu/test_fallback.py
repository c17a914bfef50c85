# SPDX-License-Identifier: GPL-2.0-or-later
"""The fallback to the firmware's driver: ipxe.efi built with CONFIG=fault-rx
(native drivers lose every received frame) autoboots on virtio-net. DHCP
on net0, our driver, gets no answer; after netdev-fallback-timeout (5 s by
default) the device goes back to OVMF's VirtioNetDxe, the console says so,
DHCP starts again on its SNP (named net0 again: names are reused once every
device is gone) and the boot script downloads a file by TFTP with the right
SHA-256. Where the firmware has no driver (e1000 without its option ROM)
ours takes the NIC again and the boot completes over it. A signed build
refuses the configuration."""
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, ROOT, Machine, boot_esp, check, run_make  # noqa: E402

IMAGE = os.path.join(BIN, '.obj', 'fault-rx', 'image', 'ipxe.efi')
SCRIPT = '''#!ipxe
imgfetch tftp://${next-server}/data.bin
sha256sum data.bin
echo DRIVEN-BY ${netX/chip}
echo FALLBACK-DONE
'''


def boot_fault_rx(name, device, markers):
    """Boots the fault-rx ipxe.efi on one NIC of the given QEMU model (no
    option ROM) until each marker has appeared in turn; the console, and
    the 1 MiB the boot script downloads."""
    # The configuration's own object directory: the tree's ipxe.efi stays.
    run_make(['CONFIG=fault-rx', os.path.relpath(IMAGE, ROOT)])
    tftp = tempfile.mkdtemp(prefix='wireboot-fallback-')
    try:
        data = random.Random(5).randbytes(1 << 20)
        with open(os.path.join(tftp, 'data.bin'), 'wb') as f:
            f.write(data)
        with open(os.path.join(tftp, 'boot.ipxe'), 'w') as f:
            f.write(SCRIPT)
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=boot.ipxe' % tftp,
                '-device', '%s,netdev=n0,mac=52:54:00:12:34:56,romfile=' % device]
        with Machine(name, esp=boot_esp(IMAGE), args=args) as vm:
            for marker in markers:
                vm.wait_for(marker, 240)
            return vm.text(), data
    finally:
        shutil.rmtree(tftp, ignore_errors=True)


def check_handed_over(text, data, driver, outcome, chip):
    """The console names the hand-over of net0 (our driver) with outcome
    (the rest of the line, up to the new device's name), DHCP completes on
    that device, and the download ran over chip with the right SHA-256."""
    tail = text[-2500:]
    switch = re.search(r"net0 \(%s, PCI 00:0[0-9a-f]\.0\): no frame received in 5 s; "
                       r"%s (net\d+)\n" % (driver, outcome), text)
    check(switch, 'the hand-over is not named on the console:\n%s' % tail)
    check(re.search(r'DHCP \(%s 52:54:00:12:34:56\) ok' % switch.group(1), text),
          'DHCP did not complete on %s after the hand-over:\n%s' % (switch.group(1), tail))
    check('DRIVEN-BY %s\n' % chip in text,
          'the download did not run over %s:\n%s' % (chip, tail))
    check(text.count('no frame received') == 1,
          'the health check handed the device over more than once:\n%s' % tail)
    check('%s  data.bin' % hashlib.sha256(data).hexdigest() in text,
          'wrong or no SHA-256 of the download:\n%s' % tail)


def test_fallback_to_firmware_snp_on_virtio_net():
    text, data = boot_fault_rx('fallback-virtio', 'virtio-net-pci', [
        r"continuing over the firmware's driver as net\d+\n", r'FALLBACK-DONE\n'])
    check_handed_over(text, data, 'virtio-net', "continuing over the firmware's driver as", 'snp')


def test_fallback_without_firmware_driver_keeps_ours_on_e1000():
    # OVMF has no driver of its own for an e1000 (QEMU's option ROM is left
    # out): after the failed health check no SNP appears on the device, so
    # our driver takes it again, this time without fault injection (the
    # fallback is tried once), and the boot completes over it.
    text, data = boot_fault_rx('fallback-e1000', 'e1000', [
        r'continuing with ours as net\d+\n', r'FALLBACK-DONE\n'])
    check_handed_over(text, data, 'e1000',
                      'the firmware has no driver for it: continuing with ours as', 'e1000')


def test_secure_boot_refuses_fault_injection():
    result = subprocess.run(['make', '-n', 'SECURE_BOOT=1', 'CONFIG=fault-rx',
                             'bin-x86_64-efi/ipxe.efi'], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check(result.returncode != 0 and 'must not have: CONFIG=fault-rx' in result.stdout,
          'SECURE_BOOT=1 accepted CONFIG=fault-rx:\n%s' % result.stdout[-1500:])
