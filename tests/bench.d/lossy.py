#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""TFTP and HTTP over a clean and a lossy link (make bench section): 64 MiB
from Debian's atftpd and nginx in a lab namespace, through the frame relay
(tests/lib/relay.py; lossy: 2% of frames dropped, 1% duplicated, 1%
reordered, 10 ms each way, seed 1), in one run:

  OVMF/TCG, virtio-net, DHCP from dnsmasq: wireboot's ipxe.efi (window
      of 64, and its default), beside Debian's ipxe.efi (no windowsize:
      one block per round trip). A download that does not finish within
      its time limit is reported with the share it reached and the rate
      that share gives;
  the hosted program, window of 64;
  HTTP from nginx: wireboot's ipxe.efi beside Debian's ipxe.efi.

Times are taken on the host between console markers around the download
(BENCH-START, BENCH-END); the SHA-256 of each download of ours is checked
(Debian's build has no sha256sum: its download must say "ok").
"""
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
import wbtest  # noqa: E402
from benchlib import (DEBIAN_IPXE_EFI, BenchFailure, TimedMachine,  # noqa: E402
                      await_marker, mib_per_s, table)
from hostedlab import Lab, SUBNET, make_file  # noqa: E402
from netlab import SERVER, download_lab  # noqa: E402
from relay import LOSSY, LOSSY_WINDOWSIZE  # noqa: E402
from wbtest import BIN, boot_esp, run_make  # noqa: E402

SIZE = 64 << 20
LINKS = [('clean', {}), ('lossy', dict(LOSSY, seed=1))]
# How long a download may take (Debian's image moves one block per round
# trip: hours for 64 MiB over the lossy link).
LIMIT_S = {'clean': 300, 'lossy': 180}


def script(windowsize, digest, protocol='tftp'):
    """The boot script (the DHCP boot file): the download between markers,
    then (digest) its SHA-256."""
    return ('#!ipxe\n' + ('set tftp-windowsize %d\n' % windowsize if windowsize else '') +
            'echo BENCH-START\nimgfetch %s://${next-server}/big.bin\n' % protocol +
            'echo BENCH-END\n' + ('sha256sum big.bin\n' if digest else '') +
            'echo BENCH-DONE\n')


def progress(text):
    """The last percentage the download's progress line showed."""
    shares = re.findall(r'(\d+)%', text.split('big.bin...')[-1])
    return int(shares[-1]) if shares else 0


def qemu_fetch(label, image, windowsize, digest_check, link, faults, protocol='tftp'):
    """One boot of image through the relay; returns the table cell."""
    name = 'bench-%s-lossy-%s-%s' % (protocol, label, link)
    with download_lab(name, faults, SIZE, script(windowsize, digest_check, protocol),
                      http=(protocol == 'http')) as (lab, digest, args):
        with TimedMachine(name, esp=boot_esp(image), args=args, memory=512) as vm:
            try:
                _, start = await_marker(vm, r'BENCH-START\n', 180)
                try:
                    _, end = await_marker(vm, r'BENCH-END\n', LIMIT_S[link])
                except BenchFailure:
                    share = progress(vm.text())
                    if not share:
                        raise
                    seconds = vm.elapsed() - start
                    return 'unfinished: %d%% in %.0f s (%s)' % (
                        share, seconds, mib_per_s(SIZE * share / 100, seconds))
                await_marker(vm, r'BENCH-DONE\n', 120)
            except BenchFailure as e:
                raise BenchFailure('%s (bin-host/logs/%s.log)' % (e, name))
            text = vm.text()
    download = text[text.index('BENCH-START'):text.index('BENCH-END')]
    if not re.search(r'big\.bin\.\.\.[^\n]* ok\n', download) or (
            digest_check and '%s  big.bin' % digest not in text):
        raise BenchFailure('download failed or wrong SHA-256 (bin-host/logs/%s.log)' % name)
    return '%.1f s (%s)' % (end - start, mib_per_s(SIZE, end - start))


def hosted_fetch(link, faults):
    with Lab('bench-tftp-' + link, relay=faults) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        digest = make_file(root, 'big.bin', SIZE)
        server = lab.add_server(SERVER)
        lab.atftpd(server, root)
        start = time.monotonic()
        status, output = lab.wireboot(
            'imgfetch tftp://%s/big.bin?windowsize=%d\nsha256sum big.bin\n' %
            (SERVER, LOSSY_WINDOWSIZE), ['--ip', SUBNET + '.60/24'], timeout=LIMIT_S[link])
        seconds = time.monotonic() - start
    if status or '%s  big.bin' % digest not in output:
        raise BenchFailure('failed (exit status %d)' % status)
    return '%.1f s (%s)' % (seconds, mib_per_s(SIZE, seconds))


def attempt(function, *args):
    try:
        return function(*args)
    except (BenchFailure, wbtest.TestFailure) as e:
        return str(e).splitlines()[0][:90]


def main():
    run_make(['bin-x86_64-efi/ipxe.efi', 'bin-x86_64-linux/wireboot'])
    ours = os.path.join(BIN, 'ipxe.efi')
    candidates = [('wireboot', 'wireboot ipxe.efi, window %d' % LOSSY_WINDOWSIZE, ours,
                   LOSSY_WINDOWSIZE, True),
                  ('wireboot-default', 'wireboot ipxe.efi, default window (16)', ours, 0,
                   True)]
    if os.path.exists(DEBIAN_IPXE_EFI):
        candidates.append(('debian', 'Debian ipxe.efi', DEBIAN_IPXE_EFI, 0, False))
    rows = []
    for key, label, image, windowsize, digest_check in candidates:
        rows.append([label] + [attempt(qemu_fetch, key, image, windowsize, digest_check,
                                       link, faults)
                               for link, faults in LINKS])
    rows.append(['wireboot hosted, window %d' % LOSSY_WINDOWSIZE] +
                [attempt(hosted_fetch, link, faults) for link, faults in LINKS])
    table('TFTP 64 MiB from atftpd through the frame relay: virtio-net under OVMF/TCG '
          '(hosted: the Linux program)',
          ['image', 'clean link', 'lossy link'], rows,
          ['lossy: 2% of frames dropped, 1% duplicated, 1% reordered, 10 ms each way '
           '(seed 1); clean: no faults, no delay',
           'limits: %d s clean, %d s lossy; unfinished: the share the progress line '
           'reached' % (LIMIT_S['clean'], LIMIT_S['lossy'])])
    rows = [[label] + [attempt(qemu_fetch, key, image, 0, digest_check, link, faults, 'http')
                       for link, faults in LINKS]
            for key, label, image, _, digest_check in candidates
            if key != 'wireboot-default']
    table('HTTP 64 MiB from nginx through the frame relay: virtio-net under OVMF/TCG',
          ['image', 'clean link', 'lossy link'], rows,
          ['the same links; targets: lossy at most 2.5 s and at most twice the clean time'])


if __name__ == '__main__':
    main()
