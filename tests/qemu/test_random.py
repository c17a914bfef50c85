# SPDX-License-Identifier: GPL-2.0-or-later
"""random_bytes() on a real boot: tests/efi/randtest.efi prints the entropy
source the DRBG was seeded from and 32 bytes it drew. With a virtio-rng
device OVMF installs EFI_RNG_PROTOCOL, which must win; without one, the
CPU's RDRAND where the CPU model has it (-cpu max under TCG), else the
timing-jitter source (TCG's default CPU model has no RDRAND). Every
configuration boots twice: the two boots must draw different bytes."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, boot_esp, check  # noqa: E402

RESULT = r'WIREBOOT-RANDTEST: source (\S+), rc (-?\d+), bytes ([0-9a-f]{64})\n'


def draw(name, args):
    """Boots randtest.efi with args; returns (source, bytes as hex)."""
    image = os.path.join(BIN, 'randtest.efi')
    with Machine(name, esp=boot_esp(image), args=['-net', 'none'] + args) as vm:
        match = vm.wait_for(RESULT)
        vm.wait_exit(60)
    source, rc, data = match.groups()
    check(rc == '0', '%s: random_bytes() failed with %s (source %s)' % (name, rc, source))
    check(not re.fullmatch(r'(00)+', data), '%s: drew all zeros' % name)
    return source, data


def two_boots(name, args, want_source, attempts=1):
    """attempts: boots allowed for each draw (the jitter source's health
    tests rightly refuse a cycle counter made too regular by a heavily
    loaded host; another boot is then another sample)."""
    def drawn(suffix):
        for attempt in range(attempts):
            try:
                return draw('%s-%s' % (name, suffix), args)
            except Exception:
                if attempt + 1 == attempts:
                    raise
    first = drawn('1')
    second = drawn('2')
    for source, _ in (first, second):
        check(source == want_source,
              '%s: seeded from %r, expected %r' % (name, source, want_source))
    check(first[1] != second[1], '%s: two boots drew the same bytes %s' % (name, first[1]))


def test_random_from_efi_rng():
    two_boots('random-efi-rng', ['-device', 'virtio-rng-pci'], 'efi-rng')


def test_random_from_rdrand_without_rng_device():
    two_boots('random-rdrand', ['-cpu', 'max'], 'rdrand')


def test_random_from_jitter_without_rng_or_rdrand():
    two_boots('random-jitter', [], 'jitter', attempts=2)
