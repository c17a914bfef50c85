# SPDX-License-Identifier: GPL-2.0-or-later
"""Embedded scripts run at start-up under OVMF: commands, settings,
expansion, images made from EMBED= files, error handling and flow."""
import hashlib
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import Machine, boot_esp, check, run_make, scratch_tree  # noqa: E402

MAIN_SCRIPT = '''#!ipxe
# The first embedded script runs; the other files become images.
echo SCRIPT-START
set greeting hello world
show greeting
echo expanded: ${greeting} unknown=[${no-such-setting}] arch=${buildarch} \\
  platform=${platform}
sha256sum data.bin
nosuchcommand || echo fallback after failure
imgexec sub.ipxe || echo sub-script failed as expected
imgexec exit.ipxe && echo exit-script returned success
imgfetch --foo x || echo bad option handled
echo -x -1 data
imgstat --help && set value -n two
show value
goto done
echo NOT-SKIPPED
:done
echo -n SCRIPT-
echo END
poweroff
'''

# A command that fails with no "||" ends the script with an error.
SUB_SCRIPT = '''#!ipxe
echo SUB-START
imgfree no-such-image
echo SUB-NOT-REACHED
'''

EXIT_SCRIPT = '''#!ipxe
exit
echo EXIT-NOT-REACHED
'''


def test_embedded_script_runs():
    top, tree = scratch_tree('script')
    try:
        files = {'main.ipxe': MAIN_SCRIPT, 'sub.ipxe': SUB_SCRIPT,
                 'exit.ipxe': EXIT_SCRIPT}
        paths = []
        for name, text in files.items():
            path = os.path.join(top, name)
            with open(path, 'w') as f:
                f.write(text)
            paths.append(path)
        data = bytes(range(256)) * 40 + b'tail'
        data_path = os.path.join(top, 'data.bin')
        with open(data_path, 'wb') as f:
            f.write(data)
        paths.insert(1, data_path)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + ','.join(paths), target], cwd=tree)

        image = os.path.join(tree, target)
        with Machine('script-embedded', esp=boot_esp(image),
                     args=['-net', 'none']) as vm:
            vm.wait_for(r'SCRIPT-END\n', timeout=180)
            vm.wait_exit(60)
            text = vm.text()
        start = text.index('SCRIPT-START')
        out = text[start:]
        expect = [
            'greeting = hello world',
            'expanded: hello world unknown=[] arch=x86_64 platform=efi',
            '%s  data.bin' % hashlib.sha256(data).hexdigest(),
            'main.ipxe line 9: nosuchcommand: command not found',
            'fallback after failure',
            'SUB-START',
            'no-such-image: no such image',
            "sub.ipxe line 3: 'imgfree no-such-image' failed: "
            'No such file or directory (ENOENT)',
            'sub-script failed as expected',
            'exit-script returned success',
            'imgfetch: unknown option --foo\n'
            'Usage: imgfetch [-n|--name <name>] <uri> [args...]\n'
            'bad option handled',
            '-x -1 data',
            'Usage: imgstat\n',
            'value = -n two',
            'SCRIPT-END',
        ]
        position = 0
        for line in expect:
            found = out.find(line, position)
            check(found >= 0, 'console lacks (in order) %r; output:\n%s'
                  % (line, out[-3000:]))
            position = found + len(line)
        for absent in ('NOT-SKIPPED', 'SUB-NOT-REACHED', 'EXIT-NOT-REACHED'):
            check(absent not in out, '%s appeared:\n%s' % (absent, out[-3000:]))
    finally:
        shutil.rmtree(top, ignore_errors=True)


def tftp_root(top):
    """A TFTP directory holding the chain-load test program."""
    from wbtest import BIN
    root = os.path.join(top, 'tftp')
    os.makedirs(root, exist_ok=True)
    shutil.copy(os.path.join(BIN, 'testprog.efi'), os.path.join(root, 'testprog.efi'))
    return root


def user_net(root, bootfile):
    return ['-netdev', 'user,id=n0,tftp=%s,bootfile=%s' % (root, bootfile),
            '-device', 'virtio-net-pci,netdev=n0,romfile=']


def test_autoboot_chains_dhcp_boot_file():
    """No script: DHCP, then the boot file the server names, by TFTP."""
    from wbtest import BIN
    import tempfile
    top = tempfile.mkdtemp(prefix='wireboot-autoboot-')
    try:
        root = tftp_root(top)
        with Machine('script-autoboot', esp=boot_esp(os.path.join(BIN, 'ipxe.efi')),
                     args=user_net(root, 'testprog.efi')) as vm:
            vm.wait_for(r'tftp://10\.0\.2\.2/testprog\.efi\.\.\. ok\n', timeout=180)
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[\]\n')
            vm.wait_exit(60)
    finally:
        shutil.rmtree(top, ignore_errors=True)


CHAIN_SCRIPT = '''#!ipxe
dhcp
chain tftp://10.0.2.2/nosuch.efi || echo missing file handled
chain nosuch://x/y || echo bad scheme handled
chain tftp://${next-server}/${filename} hello  world
'''


def test_script_chains_with_arguments():
    top, tree = scratch_tree('script-chain')
    try:
        script = os.path.join(top, 'chain.ipxe')
        with open(script, 'w') as f:
            f.write(CHAIN_SCRIPT)
        target = 'bin-x86_64-efi/ipxe.efi'
        run_make(['EMBED=' + script, target], cwd=tree)
        root = tftp_root(top)
        with Machine('script-chain', esp=boot_esp(os.path.join(tree, target)),
                     args=user_net(root, 'testprog.efi')) as vm:
            vm.wait_for(r'Could not fetch tftp://10\.0\.2\.2/nosuch\.efi: '
                        r'No such file or directory \(ENOENT\): TFTP error 1: File not found\n'
                        r'missing file handled\n', timeout=180)
            vm.wait_for(r'Could not fetch nosuch://x/y: Operation not supported '
                        r"\(ENOTSUP at open\.2\): protocol 'nosuch' is not supported "
                        r'by this build\nbad scheme handled\n')
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[hello world\]\n')
            vm.wait_exit(60)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_autoexec_beside_the_program_runs():
    """autoexec.ipxe in the directory ipxe.efi was loaded from."""
    from wbtest import BIN
    import tempfile
    top = tempfile.mkdtemp(prefix='wireboot-autoexec-')
    try:
        script = os.path.join(top, 'autoexec.ipxe')
        with open(script, 'w') as f:
            f.write('#!ipxe\necho AUTOEXEC-RAN ${platform}\npoweroff\n')
        esp = boot_esp(os.path.join(BIN, 'ipxe.efi'))
        esp['EFI/BOOT/autoexec.ipxe'] = script
        with Machine('script-autoexec', esp=esp, args=['-net', 'none']) as vm:
            vm.wait_for(r'AUTOEXEC-RAN efi\n', timeout=180)
            vm.wait_exit(60)
    finally:
        shutil.rmtree(top, ignore_errors=True)
