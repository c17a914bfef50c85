# SPDX-License-Identifier: GPL-2.0-or-later
"""ipxe.efi under OVMF on virtio-net (with virtio-rng: TLS needs an
entropy source), through the frame relay (tests/lib/netlab.py) to a lab
namespace: DHCP and DNS from dnsmasq, the boot script by TFTP, the test
CA's certificate by HTTP (certstore), then 64 MiB by HTTPS (TLS 1.3) from
nginx with a certificate of that CA, checked by SHA-256, over the lossy
link (2% of frames dropped, 1% duplicated, 1% reordered, 10 ms each way):
TLS records cross lost and reordered segments that TCP recovers. (One
boot: a clean link adds nothing the hosted tests do not show.)"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402
from hostedlab import make_file  # noqa: E402
from netlab import QemuLab  # noqa: E402
from relay import LOSSY  # noqa: E402
from tlslab import TestCA, https_boot_lab  # noqa: E402

SIZE = 64 << 20
SCRIPT = '''#!ipxe
certstore http://${next-server}/ca.pem
echo FETCH-START
imgfetch https://boot.tls.test/big.bin
echo FETCH-END
sha256sum big.bin
echo SCRIPT-DONE
'''


def boot_and_fetch(name, faults):
    """Autoboots ipxe.efi; returns (download seconds, relay counts)."""
    with QemuLab(name, relay=faults) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        digest = make_file(root, 'big.bin', SIZE)
        ca = TestCA(os.path.join(lab.files, 'pki'))
        with open(ca.cert) as f, open(os.path.join(root, 'ca.pem'), 'w') as out:
            out.write(f.read())
        cert = ca.issue('boot.tls.test', kind='ecdsa')
        args, web = https_boot_lab(lab, root, SCRIPT, cert)
        with Machine('https-' + name, memory=512,
                     esp=boot_esp(os.path.join(BIN, 'ipxe.efi')), args=args) as vm:
            vm.wait_for(r'FETCH-START\n', 180)
            start = time.monotonic()
            vm.wait_for(r'FETCH-END\n', 400)
            seconds = time.monotonic() - start
            vm.wait_for(r'SCRIPT-DONE\n', 120)
            text = vm.text()
        web.stop()
        counts = lab.relay.stop()
    check('%s  big.bin' % digest in text, 'wrong or no SHA-256:\n%s' % text[-3000:])
    return seconds, counts


def test_virtio_net_https_64mib_lossy():
    seconds, counts = boot_and_fetch('lossy', dict(LOSSY, seed=1))
    print('64 MiB by HTTPS over the lossy link in %.1f s; relay %s' % (seconds, counts))
    check(counts['to-guest']['dropped'] > 0, 'the relay dropped nothing: %s' % counts)
