# SPDX-License-Identifier: GPL-2.0-or-later
"""Builds of the architectures other than the host's (arm64, i386), shared
by the build tests (tests/build/test_arch.py) and the boot tests
(tests/qemu/test_arch.py) of one test run.

Two scratch trees at paths of different lengths build every target of
every such architecture, with a fixed SOURCE_DATE_EPOCH, in one make
command line (make sorts the targets out by architecture); the build tests
compare the trees byte for byte. Then the first tree builds what the boot
tests run: ipxe.efi and its ISO with a script that chain-loads the test
program with arguments, and the thin virtio-net ROM (CONFIG=qemu) with its
SNP's debug output, which proves whose SNP the firmware's PXE used.
"""
import atexit
import glob
import os
import re
import shutil
import subprocess
import threading

from wbtest import ROOT, check, read, run_make, scratch_tree

ARCHES = sorted(a for a in os.listdir(os.path.join(ROOT, 'src', 'arch'))
                if a != 'x86_64')
ENV = {'SOURCE_DATE_EPOCH': '1700000000', 'GITVERSION': 'test'}
THIN_DEBUG = 'efi_snp_export'
CHAIN_SCRIPT = '''#!ipxe
dhcp
chain tftp://${next-server}/testprog.efi arch=${buildarch} chip=${net0/chip} mac=${net0/mac}
'''

_lock = threading.Lock()
_state = {}


def drivers():
    """Every NIC driver's name, as the build reads them (util/pci-ids)."""
    sources = sorted(glob.glob(os.path.join(ROOT, 'src', 'drivers', 'net', '*.c')))
    out = subprocess.run([os.path.join(ROOT, 'util', 'pci-ids')] + sources,
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    names = re.search(r'^DRIVERS := (.*)$', out, re.M).group(1).split()
    check(names, 'util/pci-ids found no drivers')
    return names


def targets(arch):
    """Every target of the make interface for one architecture."""
    base = 'bin-%s-efi/' % arch
    names = ['ipxe.efi', 'snponly.efi', 'testprog.efi', 'testdrv.efidrv',
             'testdrv.efirom', 'ipxe.iso', 'ipxe.usb', '*.efidrv', '*.efirom']
    names += ['%s.efi' % d for d in drivers()]
    return [base + n for n in names]


def outputs(tree, arch):
    """The staged outputs of an architecture in a tree: {name: bytes}."""
    directory = os.path.join(tree, 'bin-%s-efi' % arch)
    return {name: read(os.path.join(directory, name))
            for name in sorted(os.listdir(directory))
            if os.path.isfile(os.path.join(directory, name))}


def _build():
    trees = []
    for name in ('arch-a', 'arch-b-longer-path'):
        top, tree = scratch_tree(name)
        atexit.register(shutil.rmtree, top, True)
        trees.append(tree)
        run_make([t for arch in ARCHES for t in targets(arch)], cwd=tree, env=ENV)
    state = {'trees': trees,
             'outputs': {arch: [outputs(tree, arch) for tree in trees] for arch in ARCHES}}
    # The boot tests' images, built once the outputs compared are read
    # (the first tree's staged ipxe.efi is replaced by the scripted one).
    tree = trees[0]
    script = os.path.join(os.path.dirname(tree), 'chain.ipxe')
    with open(script, 'w') as f:
        f.write(CHAIN_SCRIPT)
    boot = []
    for arch in ARCHES:
        boot += ['bin-%s-efi/ipxe.efi' % arch, 'bin-%s-efi/ipxe.iso' % arch]
    run_make(['EMBED=' + script] + boot, cwd=tree, env=ENV)
    thin = {}
    for arch in ARCHES:
        objdir = os.path.join('bin-%s-efi' % arch, '.obj', 'qemu-debug-' + THIN_DEBUG)
        thin[arch] = os.path.join(tree, objdir, 'rom', 'virtio-net.efirom')
    run_make(['CONFIG=qemu', 'DEBUG=' + THIN_DEBUG] +
             [os.path.relpath(rom, tree) for rom in thin.values()], cwd=tree, env=ENV)
    state['thin_rom'] = thin
    state['image'] = {arch: os.path.join(tree, 'bin-%s-efi' % arch, 'ipxe.efi')
                      for arch in ARCHES}
    state['iso'] = {arch: os.path.join(tree, 'bin-%s-efi' % arch, 'ipxe.iso')
                    for arch in ARCHES}
    state['testprog'] = {arch: os.path.join(tree, 'bin-%s-efi' % arch, 'testprog.efi')
                         for arch in ARCHES}
    return state


def builds():
    """The shared state (built on first use; failures are re-raised to
    every caller rather than retried)."""
    with _lock:
        if 'error' in _state:
            raise _state['error']
        if not _state:
            try:
                _state.update(_build())
            except Exception as error:  # every test that needs it fails
                _state['error'] = error
                raise
        return _state
