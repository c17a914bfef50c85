# SPDX-License-Identifier: GPL-2.0-or-later
"""The literal glob targets a packager's spec file passes on a fresh tree.

A spec file runs `make bin-x86_64-efi/*.efidrv` in its shell; on a fresh
tree nothing matches, so make receives the pattern itself and must build
every image of that kind. Each case starts from a clean `git clone` of this
repository (the state a package build starts from: committed files only,
no object directory, no generated make fragments).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, TestFailure, check, clean_env, run_make  # noqa: E402

BIN = 'bin-x86_64-efi'


def clean_clone(name):
    """A fresh clone of this repository's HEAD; (top, tree)."""
    if not os.path.exists(os.path.join(ROOT, '.git')):
        raise TestFailure('%s is not a git checkout: cannot clone it' % ROOT)
    top = tempfile.mkdtemp(prefix='wireboot-%s-' % name)
    tree = os.path.join(top, 'wireboot')
    proc = subprocess.run(['git', 'clone', '-q', '--no-hardlinks', ROOT, tree],
                          env=clean_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        raise TestFailure('git clone failed:\n' + proc.stdout)
    return top, tree


def drivers_of(tree):
    """The driver names the clone's build found (its generated pci-ids.mk)."""
    with open(os.path.join(tree, BIN, '.obj', 'pci-ids.mk')) as f:
        match = re.search(r'^DRIVERS := (.*)$', f.read(), re.M)
    check(match, 'pci-ids.mk names no drivers')
    drivers = match.group(1).split()
    check('virtio-net' in drivers and 'e1000' in drivers,
          'driver list lacks virtio-net or e1000: %s' % drivers)
    return drivers


def build_glob(tree, suffix, configs):
    """Runs make with the literal BIN/*.suffix for each configuration in
    turn; returns the names of the files it staged."""
    for config in configs:
        args = (['CONFIG=' + config] if config else []) + ['%s/*.%s' % (BIN, suffix)]
        proc = run_make(args, cwd=tree, expect_ok=False)
        check(proc.returncode == 0, 'make %s failed in a clean clone:\n%s'
              % (' '.join(args), proc.stdout[-3000:]))
    return sorted(f for f in os.listdir(os.path.join(tree, BIN)) if f.endswith('.' + suffix))


def expect_every(tree, suffix, names, configs):
    top = os.path.dirname(tree)
    try:
        staged = build_glob(tree, suffix, configs)
        expected = sorted('%s.%s' % (n, suffix) for n in names(drivers_of(tree)))
        check(staged == expected, '%s/*.%s staged %s, expected %s'
              % (BIN, suffix, staged, expected))
        for name in staged:
            with open(os.path.join(tree, BIN, name), 'rb') as f:
                head = f.read(2)
            check(head in (b'MZ', b'\x55\xaa'), '%s is not an image or ROM' % name)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_literal_efidrv_glob_from_clean_clone():
    # CONFIG=qemu first (what distributions build), then the default
    # configuration in the same tree, still without any staged file.
    _, tree = clean_clone('glob-efidrv')
    expect_every(tree, 'efidrv', lambda drivers: drivers, ['qemu', None])


def test_literal_efirom_glob_from_clean_clone():
    _, tree = clean_clone('glob-efirom')
    expect_every(tree, 'efirom', lambda drivers: drivers, [None, 'qemu'])


def test_literal_efi_glob_from_clean_clone():
    _, tree = clean_clone('glob-efi')
    expect_every(tree, 'efi', lambda drivers: ['ipxe', 'snponly'] + drivers, [None])
