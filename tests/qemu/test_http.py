# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTP under OVMF: ipxe.efi gets an address from QEMU's user networking,
downloads 256 MiB from nginx on 127.0.0.1 (10.0.2.2 to the guest, on a
free port) straight into image memory, and prints its SHA-256, which must
be the file's. The time of the download is printed."""
import hashlib
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from nginxlab import Nginx  # noqa: E402
from wbtest import Machine, autoexec_esp, check  # noqa: E402

SIZE = 256 << 20


def make_file(path, size):
    """size bytes: one random MiB, its first byte varied per MiB (cheap to
    make, and no two MiB alike); returns the SHA-256."""
    digest = hashlib.sha256()
    block = os.urandom(1 << 20)
    with open(path, 'wb') as f:
        for i in range(size >> 20):
            piece = bytes([i & 0xff]) + block[1:]
            f.write(piece)
            digest.update(piece)
    return digest.hexdigest()


def test_http_256_mib_from_nginx():
    top = tempfile.mkdtemp(prefix='wireboot-http-')
    try:
        root = os.path.join(top, 'root')
        os.makedirs(root)
        digest = make_file(os.path.join(root, 'big.bin'), SIZE)
        with Nginx(top, root) as nginx:
            esp = autoexec_esp(top, (
                'dhcp\n'
                'echo FETCH-START\n'
                'imgfetch --name big http://10.0.2.2:%d/big.bin || echo FETCH-FAILED\n'
                'echo FETCH-END\n'
                'sha256sum big\n'
                'poweroff\n') % nginx.port)
            # TCP's initial sequence numbers need an entropy source.
            args = ['-netdev', 'user,id=n0',
                    '-device', 'virtio-net-pci,netdev=n0,romfile=',
                    '-device', 'virtio-rng-pci']
            with Machine('http-256mib', esp=esp, args=args, memory=1024) as vm:
                vm.wait_for(r'FETCH-START\n', timeout=180)
                start = time.monotonic()
                vm.wait_for(r'FETCH-END\n', timeout=900)
                seconds = time.monotonic() - start
                vm.wait_for(r'[0-9a-f]{64}  big\n', timeout=300)
                hashed = time.monotonic() - start - seconds
                vm.wait_exit(60)
                text = vm.text()
        check('FETCH-FAILED' not in text, vm.tail())
        check('%s  big' % digest in text, 'wrong SHA-256:\n' + vm.tail())
        print('256 MiB by HTTP in %.1f s (%.1f MiB/s), SHA-256 in %.1f s' %
              (seconds, 256 / seconds, hashed))
    finally:
        shutil.rmtree(top, ignore_errors=True)
