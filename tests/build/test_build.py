# SPDX-License-Identifier: GPL-2.0-or-later
"""The build system's promises: reproducible output, cheap configuration
switches, and the variables of the make interface."""
import os
import re
import shutil
import time
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import (BANNER, Machine, boot_esp, check, read, run_make,  # noqa: E402
                    scratch_tree)

OUTPUTS = ('bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/testprog.efi',
           'bin-x86_64-efi/testdrv.efidrv', 'bin-x86_64-efi/ipxe.iso',
           'bin-x86_64-efi/ipxe.usb', 'bin-x86_64-efi/testdrv.efirom',
           'bin-x86_64-efi/randtest.efi')
# A compile step prints "CC <source>" (or the compiler command with V=1).
COMPILE_LINE = re.compile(r'^\s*(CC|HOSTCC)\s|\bgcc\b.*\s-c\s', re.M)


def test_reproducible_across_directories():
    env = {'SOURCE_DATE_EPOCH': '1700000000', 'GITVERSION': 'test'}
    tops = []
    try:
        trees = []
        for name in ('repro-a', 'repro-b-longer-path'):
            top, tree = scratch_tree(name)
            tops.append(top)
            trees.append(tree)
            run_make(list(OUTPUTS), cwd=tree, env=env)
            time.sleep(1.1)  # a wall-clock date anywhere would now differ
        for output in OUTPUTS:
            first = read(os.path.join(trees[0], output))
            second = read(os.path.join(trees[1], output))
            check(first == second, '%s differs between two clean builds' % output)
    finally:
        for top in tops:
            shutil.rmtree(top, ignore_errors=True)


def test_config_switch_recompiles_nothing():
    top, tree = scratch_tree('config-switch')
    target = 'bin-x86_64-efi/ipxe.efi'
    try:
        run_make([target], cwd=tree)
        default_bytes = read(os.path.join(tree, target))
        run_make(['CONFIG=qemu', target], cwd=tree)
        qemu_bytes = read(os.path.join(tree, target))
        check(qemu_bytes != default_bytes, 'CONFIG=qemu built the same bytes as default')

        again = run_make([target], cwd=tree)
        check(not COMPILE_LINE.search(again.stdout),
              'switching back to the default configuration recompiled:\n' + again.stdout)
        check(read(os.path.join(tree, target)) == default_bytes,
              'switching back to the default configuration changed the image')
        again = run_make(['CONFIG=qemu', target], cwd=tree)
        check(not COMPILE_LINE.search(again.stdout),
              'switching to CONFIG=qemu again recompiled:\n' + again.stdout)
        check(read(os.path.join(tree, target)) == qemu_bytes,
              'CONFIG=qemu image changed between builds')

        # The qemu configuration's image says so in its banner.
        with Machine('boot-ipxe-qemu', esp=boot_esp(os.path.join(tree, target)),
                     args=['-net', 'none']) as vm:
            match = vm.wait_for(BANNER + r'\nFeatures:([^\n]*)\n')
            check(match.group(3) == 'qemu', 'banner names config %r' % match.group(3))
            check('downgrade-ux' in match.group(4).split(),
                  'qemu feature list %r lacks downgrade-ux' % match.group(4))
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_make_variables():
    top, tree = scratch_tree('variables')
    target = 'bin-x86_64-efi/ipxe.efi'
    try:
        script = os.path.join(top, 'hello.ipxe')
        with open(script, 'w') as f:
            f.write('#!ipxe\necho hello from an embedded script\n')
        out = run_make(['V=1', 'VERSION=9.8.7', 'GITVERSION=', 'EMBED=' + script,
                        'DEBUG=banner:2,console', target,
                        'bin-x86_64-efi/ipxe.iso'], cwd=tree).stdout
        check(re.search(r'gcc .*-DDBGLVL=2 .*-c src/core/banner\.c', out),
              'V=1 did not show the compile of banner.c with DBGLVL=2:\n' + out[-2000:])
        check(re.search(r'gcc .*-DDBGLVL=1 .*-c src/core/console\.c', out),
              'DEBUG=console did not give console.c DBGLVL=1')
        check(re.search(r'gcc .*-DDBGLVL=0 .*-c src/core/string\.c', out),
              'string.c should build without debug output')
        image = read(os.path.join(tree, target))
        check(b'9.8.7\0' in image, 'VERSION=9.8.7 is not recorded in the image')
        check(b'echo hello from an embedded script' in image,
              'EMBED= script is not in the image')
        check(b'embedded-script\0' in image, 'EMBED= did not add its feature entry')
        check(b'echo hello from an embedded script' in read(os.path.join(tree, 'bin-x86_64-efi/ipxe.iso')),
              'EMBED= script is not in the ISO image')

        bad = run_make(['DEBUG=nosuchfile', target], cwd=tree, expect_ok=False)
        check(bad.returncode != 0 and 'DEBUG names no source file: nosuchfile' in bad.stdout,
              'an unknown DEBUG object was not refused clearly:\n' + bad.stdout[-500:])
        bad = run_make(['CONFIG=nosuchconfig', target], cwd=tree, expect_ok=False)
        check(bad.returncode != 0 and 'CONFIG=nosuchconfig: no such configuration' in bad.stdout,
              'an unknown CONFIG was not refused clearly')
        bad = run_make(['EMBED=/nonexistent.ipxe', target], cwd=tree, expect_ok=False)
        check(bad.returncode != 0 and 'EMBED: no such file' in bad.stdout,
              'a missing EMBED file was not refused clearly')
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_local_config_overrides():
    top, tree = scratch_tree('local-config')
    target = 'bin-x86_64-efi/ipxe.efi'
    try:
        run_make([target], cwd=tree)
        before = read(os.path.join(tree, target))
        local = os.path.join(tree, 'src', 'config', 'local')
        os.makedirs(local)
        with open(os.path.join(local, 'general.h'), 'w') as f:
            f.write('#define EFI_DOWNGRADE_UX\n')
        run_make([target], cwd=tree)
        after = read(os.path.join(tree, target))
        check(b'downgrade-ux\0' in after and b'downgrade-ux\0' not in before,
              'src/config/local/general.h did not take effect')
    finally:
        shutil.rmtree(top, ignore_errors=True)
