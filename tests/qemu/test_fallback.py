# SPDX-License-Identifier: GPL-2.0-or-later
"""The fallback to the firmware's driver: ipxe.efi built with CONFIG=fault-rx
(native drivers lose every received frame) autoboots on virtio-net. DHCP
on net0, our driver, gets no answer; after netdev-fallback-timeout (5 s by
default) the device goes back to OVMF's VirtioNetDxe, the console says so,
DHCP starts again on its SNP (named net0 again: names are reused once every
device is gone) and the boot script downloads a file by TFTP with the right
SHA-256. A signed build refuses the configuration."""
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


def test_fallback_to_firmware_snp_on_virtio_net():
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
                '-device', 'virtio-net-pci,netdev=n0,mac=52:54:00:12:34:56,romfile=']
        with Machine('fallback-virtio', esp=boot_esp(IMAGE), args=args) as vm:
            vm.wait_for(r"continuing over the firmware's driver as net\d+\n", 240)
            vm.wait_for(r'FALLBACK-DONE\n', 240)
            text = vm.text()
    finally:
        shutil.rmtree(tftp, ignore_errors=True)
    switch = re.search(r"net0 \(virtio-net, PCI 00:0[0-9a-f]\.0\): no frame received in 5 s; "
                       r"continuing over the firmware's driver as (net\d+)\n", text)
    check(switch, 'the switch is not named on the console:\n%s' % text[-2500:])
    check(re.search(r'DHCP \(%s 52:54:00:12:34:56\) ok' % switch.group(1), text),
          'DHCP did not complete on the firmware\'s SNP:\n%s' % text[-2500:])
    check('DRIVEN-BY snp\n' in text,
          'the download did not run over the firmware\'s SNP:\n%s' % text[-2500:])
    check('%s  data.bin' % hashlib.sha256(data).hexdigest() in text,
          'wrong or no SHA-256 of the download:\n%s' % text[-2500:])


def test_secure_boot_refuses_fault_injection():
    result = subprocess.run(['make', '-n', 'SECURE_BOOT=1', 'CONFIG=fault-rx',
                             'bin-x86_64-efi/ipxe.efi'], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check(result.returncode != 0 and 'must not have: CONFIG=fault-rx' in result.stdout,
          'SECURE_BOOT=1 accepted CONFIG=fault-rx:\n%s' % result.stdout[-1500:])
