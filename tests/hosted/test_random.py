# SPDX-License-Identifier: GPL-2.0-or-later
"""random_bytes() in the hosted build: `wireboot --random LEN` seeds the DRBG
from getrandom() and prints what it drew; two runs draw different bytes."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check  # noqa: E402

PROGRAM = os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot')


def draw(length):
    proc = subprocess.run([PROGRAM, '--random', str(length)], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=30)
    check(proc.returncode == 0, 'wireboot --random failed (%d):\n%s' % (proc.returncode, proc.stdout))
    match = re.search(r'random: source (\S+), rc 0, bytes ([0-9a-f]+)\n', proc.stdout)
    check(match, 'unexpected output:\n' + proc.stdout)
    check(len(match.group(2)) == 2 * length, 'drew %d hex digits, not %d' % (len(match.group(2)), 2 * length))
    return match.groups()


def test_hosted_random_from_getrandom():
    first, second = draw(32), draw(32)
    check(first[0] == 'getrandom' and second[0] == 'getrandom',
          'seeded from %r and %r, not getrandom' % (first[0], second[0]))
    check(first[1] != second[1], 'two runs drew the same bytes %s' % first[1])


def test_hosted_random_refuses_bad_length():
    for bad in ('0', '4097', '12x'):
        proc = subprocess.run([PROGRAM, '--random', bad], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=30)
        check(proc.returncode == 2 and '--random %s' % bad in proc.stdout,
              '--random %s was not refused clearly:\n%s' % (bad, proc.stdout))
