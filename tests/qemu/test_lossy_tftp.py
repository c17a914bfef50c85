# SPDX-License-Identifier: GPL-2.0-or-later
"""ipxe.efi under OVMF on virtio-net, through the frame relay
(tests/lib/netlab.py) to servers in a lab namespace: DHCP from dnsmasq,
then the boot script and 16 MiB by TFTP from Debian's atftpd over a lossy
link (2% of frames dropped, 1% duplicated, 1% reordered, 10 ms each way),
three seeds, each download checked by SHA-256."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402
from netlab import download_lab  # noqa: E402
from relay import LOSSY, LOSSY_WINDOWSIZE  # noqa: E402

SIZE = 16 << 20
SEEDS = (1, 2, 3)
SCRIPT = '''#!ipxe
echo FETCH-START
imgfetch tftp://${next-server}/big.bin?windowsize=%d
echo FETCH-END
sha256sum big.bin
echo SCRIPT-DONE
''' % LOSSY_WINDOWSIZE


def boot_and_fetch(name, faults):
    """Autoboots ipxe.efi on the lab's link; returns (download seconds,
    the relay's counts)."""
    with download_lab(name, faults, SIZE, SCRIPT) as (lab, digest, args):
        with Machine('lossy-tftp-' + name, esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                     args=args) as vm:
            vm.wait_for(r'FETCH-START\n', 180)
            start = time.monotonic()
            vm.wait_for(r'FETCH-END\n', 180)
            seconds = time.monotonic() - start
            vm.wait_for(r'SCRIPT-DONE\n', 60)
            text = vm.text()
        counts = lab.relay.stop()
    check('%s  big.bin' % digest in text, 'wrong or no SHA-256:\n%s' % text[-3000:])
    return seconds, counts


def test_virtio_net_tftp_16mib_lossy_three_seeds():
    for seed in SEEDS:
        seconds, counts = boot_and_fetch('seed%d' % seed, dict(LOSSY, seed=seed))
        print('seed %d: 16 MiB in %.1f s; relay %s' % (seed, seconds, counts))
        check(counts['to-guest']['dropped'] > 0 and counts['to-guest']['reordered'] > 0,
              'the relay did nothing: %s' % counts)
