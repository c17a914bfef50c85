# SPDX-License-Identifier: GPL-2.0-or-later
"""Debian's signed network GRUB and shim chain-loaded by ipxe.efi over
TFTP (no Secure Boot): GRUB configures its network from the DHCPACK in our
PXE base code, reads /grub/grub.cfg (its built-in prefix) from the TFTP
server through our SNP and boots the test kernel; shim fetches the GRUB
beside it (efi/grubx64.efi: the directory comes from the boot file name
our PXE base code reports) through our PXE base code's Mtftp, and that
GRUB boots the kernel the same way."""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import osfixtures  # noqa: E402
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402

GRUB_CFG = '''set timeout=0
echo "WIREBOOT-GRUB: server $net_default_server, prefix $prefix"
linux /vmlinuz console=ttyS0 panic=-1 quiet wbcase=grub
initrd /initrd.gz
boot
'''

SCRIPTS = {
    'grub.ipxe': '#!ipxe\nchain efi/grubx64.efi\n',
    'shim.ipxe': '#!ipxe\nchain efi/shimx64.efi\n',
}


def tftp_root():
    root = tempfile.mkdtemp(prefix='wireboot-grub-')
    os.makedirs(os.path.join(root, 'efi'))
    os.makedirs(os.path.join(root, 'grub'))
    shutil.copy(osfixtures.kernel(), os.path.join(root, 'vmlinuz'))
    shutil.copy(osfixtures.grub_net(), os.path.join(root, 'efi', 'grubx64.efi'))
    shutil.copy(osfixtures.shim(), os.path.join(root, 'efi', 'shimx64.efi'))
    files = {'initrd.gz': osfixtures.initramfs(),
             'grub/grub.cfg': GRUB_CFG.encode()}
    files.update({name: text.encode() for name, text in SCRIPTS.items()})
    for name, data in files.items():
        with open(os.path.join(root, name), 'wb') as f:
            f.write(data)
    return root


def boot(case, bootfile, timeout=480):
    root = tftp_root()
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=%s' % (root, bootfile),
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
    try:
        with Machine('grub-' + case, esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                     args=args, memory=1024) as vm:
            vm.wait_for(r'WIREBOOT-INIT: done', timeout)
            vm.wait_exit(60)
            print('%s: booted and powered off in %.0f s' % (case, vm.elapsed()))
            text = vm.text()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    check('WIREBOOT-GRUB: server 10.0.2.2, prefix (tftp,10.0.2.2)/grub' in text,
          'GRUB did not configure itself from our PXE base code:\n%s' % text[-3000:])
    check('WIREBOOT-INIT: cmdline: ' in text and 'wbcase=grub' in text,
          'the kernel GRUB started did not get its command line:\n%s' % text[-3000:])
    return text


def test_grub_chain_loaded_boots_linux():
    boot('grub', 'grub.ipxe')


def test_shim_fetches_grub_through_pxe_base_code():
    text = boot('shim', 'shim.ipxe')
    # Our progress line: rewritten in place, ends "... ok".
    check(re.search(r'Fetching Netboot Image efi/grubx64\.efi\n'
                    r'tftp://10\.0\.2\.2/efi/grubx64\.efi[^\n]*\.\.\. ok\n', text),
          'shim did not fetch GRUB through our Mtftp:\n%s' % text[-3000:])
