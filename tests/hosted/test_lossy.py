# SPDX-License-Identifier: GPL-2.0-or-later
"""TFTP through the frame relay (tests/lib/relay.py) from Debian's atftpd
(RFC 7440 windowsize): 16 MiB over a lossy link (2% of frames dropped, 1%
duplicated, 1% reordered, 10 ms each way) with three seeds, and over a
clean one; the SHA-256 must be right and the relay must have done what it
was asked."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import SERVER, SUBNET, Lab, make_file  # noqa: E402
from relay import LOSSY, LOSSY_WINDOWSIZE  # noqa: E402

SIZE = 16 << 20
BLKSIZE = 1432
SEEDS = (1, 2, 3)


def fetch_through_relay(name, faults, query=''):
    """Fetches SIZE bytes from atftpd through a relay with faults;
    returns (seconds, the relay's counts)."""
    with Lab(name, relay=faults) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        digest = make_file(root, 'big.bin', SIZE)
        server = lab.add_server(SERVER)
        lab.atftpd(server, root)
        start = time.monotonic()
        status, output = lab.wireboot(
            'imgfetch --name big tftp://%s/big.bin%s\nsha256sum big\n' % (SERVER, query),
            ['--ip', SUBNET + '.60/24'], timeout=120)
        seconds = time.monotonic() - start
        counts = lab.relay.stop()
    check(status == 0, 'exit status %d:\n%s' % (status, output[-3000:]))
    check('%s  big' % digest in output, 'wrong or no SHA-256:\n%s' % output[-3000:])
    return seconds, counts


def test_tftp_16mib_lossy_link_three_seeds():
    blocks = SIZE // BLKSIZE + 1
    for seed in SEEDS:
        seconds, counts = fetch_through_relay(
            'lossy%d' % seed, dict(LOSSY, seed=seed), '?windowsize=%d' % LOSSY_WINDOWSIZE)
        data = counts['to-guest']
        print('seed %d: %.1f s, relay %s' % (seed, seconds, counts))
        # The faults happened, at about their rates...
        for key, rate in (('dropped', LOSSY['drop']), ('duplicated', LOSSY['dup']),
                          ('reordered', LOSSY['reorder'])):
            check(0.5 * rate * data['frames'] < data[key] < 1.5 * rate * data['frames'],
                  'seed %d: %s %d of %d frames' % (seed, key, data[key], data['frames']))
        check(counts['to-tap']['dropped'] > 0, counts)
        # ... and recovery cost a fraction of the blocks again.
        check(data['frames'] < 2 * blocks, 'seed %d: %d frames for %d blocks' %
              (seed, data['frames'], blocks))


def test_tftp_16mib_clean_relay():
    """No faults: blocks cross about once (the relay keeps up; a loaded
    machine may still lose a few frames in a socket buffer)."""
    blocks = SIZE // BLKSIZE + 1
    seconds, counts = fetch_through_relay('lossyclean', {})
    print('clean: %.1f s, relay %s' % (seconds, counts))
    sent = counts['to-guest']['sent']
    check(blocks <= sent < blocks + blocks // 50, '%d frames for %d blocks' % (sent, blocks))
    check(seconds < 30, '%.1f s' % seconds)
