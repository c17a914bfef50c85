# SPDX-License-Identifier: GPL-2.0-or-later
"""ipxe.efi under OVMF on virtio-net, through the frame relay
(tests/lib/netlab.py) to servers in a lab namespace: DHCP from dnsmasq,
the boot script by TFTP, then 64 MiB by HTTP from Debian's nginx over the
lossy link (2% of frames dropped, 1% duplicated, 1% reordered, 10 ms each
way), three seeds, each download checked by SHA-256: TCP's recovery
(SACK, fast retransmit, timeouts) carries the HTTP client through."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402
from netlab import download_lab  # noqa: E402
from relay import LOSSY  # noqa: E402

SIZE = 64 << 20
SEEDS = (1, 2, 3)
SCRIPT = '''#!ipxe
echo FETCH-START
imgfetch http://${next-server}/big.bin
echo FETCH-END
sha256sum big.bin
echo SCRIPT-DONE
'''


def boot_and_fetch(name, faults, image=None):
    """Autoboots ipxe.efi (or image) on the lab's link; returns (download
    seconds, the relay's counts, the console)."""
    with download_lab(name, faults, SIZE, SCRIPT, http=True) as (lab, digest, args):
        with Machine('lossy-http-' + name, memory=512,
                     esp=boot_esp(image or os.path.join(BIN, 'ipxe.efi')), args=args) as vm:
            vm.wait_for(r'FETCH-START\n', 180)
            start = time.monotonic()
            vm.wait_for(r'FETCH-END\n', 300)
            seconds = time.monotonic() - start
            vm.wait_for(r'SCRIPT-DONE\n', 120)
            text = vm.text()
        counts = lab.relay.stop()
    check('%s  big.bin' % digest in text, 'wrong or no SHA-256:\n%s' % text[-3000:])
    return seconds, counts, text


def test_virtio_net_http_64mib_lossy_three_seeds():
    for seed in SEEDS:
        seconds, counts, _ = boot_and_fetch('http%d' % seed, dict(LOSSY, seed=seed))
        print('seed %d: 64 MiB by HTTP in %.1f s; relay %s' % (seed, seconds, counts))
        check(counts['to-guest']['dropped'] > 0 and counts['to-guest']['reordered'] > 0,
              'the relay did nothing: %s' % counts)
