# SPDX-License-Identifier: GPL-2.0-or-later
"""Linux booted by ipxe.efi under OVMF, through the kernel's EFI stub:
Debian's cloud kernel and a busybox initramfs, the script's "kernel",
"initrd" and "boot". Once by HTTP (nginx on 127.0.0.1) with the
initramfs offered through LoadFile2 (the initrd media device path), once
by TFTP (QEMU's own server) with "initrd=name" on the command line (the
stub reads the files from the simple file system on its device handle). In both, a file fetched with
"initrd URI /path" shows up at that path in the booted system (with
imgextract of a gzip file and imgargs on the way, in the first; the
second also extracts the 1 MiB gzip initramfs and checks its SHA-256). Each boot
takes about a minute under TCG."""
import gzip
import hashlib
import os
import re
import shutil
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import osfixtures  # noqa: E402
from nginxlab import Nginx  # noqa: E402
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402

HELLO = b'hello from wireboot\n'
SECOND = b'second file\n'
COMMON = 'console=ttyS0 panic=-1 quiet'

SCRIPTS = {
    'loadfile2.ipxe': '''#!ipxe
kernel vmlinuz %s wbcase=loadfile2
initrd initrd.gz
initrd hello.txt.gz /injected/etc/hello.txt
imgextract hello.txt.gz
initrd --name second second.txt
imgargs second /injected/deep/dir/second.txt mode=0600
imgstat
boot
''' % COMMON,
    'cmdline.ipxe': '''#!ipxe
kernel vmlinuz %s wbcase=cmdline initrd=initrd.gz initrd=hello.txt
initrd initrd.gz
initrd hello.txt /injected/etc/hello.txt
imgextract --keep --name initramfs.cpio initrd.gz
sha256sum initramfs.cpio
boot
''' % COMMON,
}


def tftp_root():
    root = tempfile.mkdtemp(prefix='wireboot-linux-')
    shutil.copy(osfixtures.kernel(), os.path.join(root, 'vmlinuz'))
    files = {'initrd.gz': osfixtures.initramfs(), 'hello.txt': HELLO,
             'hello.txt.gz': gzip.compress(HELLO), 'second.txt': SECOND}
    files.update({name: text.encode() for name, text in SCRIPTS.items()})
    for name, data in files.items():
        with open(os.path.join(root, name), 'wb') as f:
            f.write(data)
    return root


def boot_linux(case, root, bootfile, timeout=420):
    """Boots ipxe.efi with bootfile as the DHCP boot file; returns the
    console once the init has powered off."""
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=%s' % (root, bootfile),
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
    with Machine('linux-' + case, esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                 args=args, memory=1024) as vm:
        vm.wait_for(r'WIREBOOT-INIT: done', timeout)
        vm.wait_exit(60)
        print('%s: booted and powered off in %.0f s' % (case, vm.elapsed()))
        return vm.text()


def check_init(text, case, files):
    cmdline = [line for line in text.splitlines()
               if line.startswith('WIREBOOT-INIT: cmdline:')]
    check(cmdline and 'wbcase=%s' % case in cmdline[0],
          'the kernel did not get its command line:\n%s' % text[-3000:])
    for path, (mode, data) in files.items():
        line = 'WIREBOOT-INIT: file %s (%s): %s' % (path, mode, data.decode().strip())
        check(line in text, 'the init did not list %s:\n%s' % (line, text[-3000:]))


def test_linux_over_http_initrd_through_loadfile2_with_injected_files():
    root = tftp_root()
    files = tempfile.mkdtemp(prefix='wireboot-nginx-')
    try:
        with Nginx(files, root) as nginx:
            text = boot_linux('loadfile2', root, 'http://10.0.2.2:%d/loadfile2.ipxe'
                              % nginx.port)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(files, ignore_errors=True)
    check(re.search(r'http://10\.0\.2\.2:\d+/vmlinuz[^\n]*\.\.\. ok', text),
          'the kernel did not come by HTTP:\n%s' % text[-3000:])
    check('[SELECTED]' in text, 'imgstat did not show the selected kernel')
    check('hello.txt: 20 bytes "/injected/etc/hello.txt"' in text and
          'hello.txt.gz:' not in text,
          'imgextract did not replace hello.txt.gz by hello.txt:\n%s' % text[-3000:])
    check_init(text, 'loadfile2', {'/injected/etc/hello.txt': ('644', HELLO),
                                   '/injected/deep/dir/second.txt': ('600', SECOND)})


def test_linux_over_tftp_initrd_from_command_line_files():
    root = tftp_root()
    try:
        text = boot_linux('cmdline', root, 'cmdline.ipxe')
    finally:
        shutil.rmtree(root, ignore_errors=True)
    archive = zlib.decompressobj(31).decompress(osfixtures.initramfs())
    check('%s  initramfs.cpio' % hashlib.sha256(archive).hexdigest() in text,
          'imgextract did not give the initramfs back:\n%s' % text[-3000:])
    check('initrd=initrd.gz initrd=hello.txt' in text,
          'the command line lost its initrd= names:\n%s' % text[-3000:])
    check_init(text, 'cmdline', {'/injected/etc/hello.txt': ('644', HELLO)})
