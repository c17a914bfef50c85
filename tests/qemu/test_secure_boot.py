# SPDX-License-Identifier: GPL-2.0-or-later
"""Secure Boot, enforced: OVMF with Debian's "snakeoil" test key enrolled
(wbtest.SECURE_BOOT). Everything is signed by `make sign` with that key in
a scratch tree, and each case also runs unsigned, which the firmware must
refuse:

- ipxe.efi from an ESP and from the ISO;
- the signed ipxe.efi chain-loading a signed program over the network,
  and refusing an unsigned one with a message naming it while the script
  goes on along its || branch;
- thin option ROMs (CONFIG=qemu) on virtio-net and e1000, through which
  OVMF's own PXE boots a signed program. (Debian's OVMF starts option ROM
  drivers whether they are signed or not -- its option ROM verification
  policy lets QEMU's unsigned ROMs run -- so the refusal of an unsigned
  ROM cannot be shown with it.)
"""
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from wbtest import (BANNER, ROOT, SECURE_BOOT, Machine, boot_esp, check,  # noqa: E402
                    run_make, scratch_tree)
from test_driver_mode import TESTPROG_MARKER, pxe_boot  # noqa: E402
import osfixtures  # noqa: E402

ARCH = 'x86_64-secure-boot'
SNP_DEBUG = 'efi_snp_export'
# What OVMF's boot manager says of an image its verification refused.
REFUSED = r'Access Denied|Security Violation'

_lock = threading.Lock()
_build = {}


def build():
    """Paths of signed and unsigned images, made once per run in a scratch
    tree that is removed when the runner exits."""
    with _lock:
        if _build:
            return _build
        top, tree = scratch_tree('secure-boot')
        atexit.register(shutil.rmtree, top, True)
        key = os.path.join(top, 'db.key')
        # The test key's passphrase is public ("snakeoil", Debian's README).
        subprocess.run(['openssl', 'pkey', '-in', SECURE_BOOT['key'],
                        '-passin', 'pass:snakeoil', '-out', key], check=True)
        sign = ['KEY=' + key, 'CERT=' + SECURE_BOOT['cert']]
        bin_dir = os.path.join(tree, 'bin-x86_64-efi')
        run_make(sign + ['sign', 'bin-x86_64-efi/signed/testprog.efi',
                         'bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/ipxe.iso',
                         'bin-x86_64-efi/testprog.efi'], cwd=tree)
        signed = {name: os.path.join(bin_dir, 'signed', name)
                  for name in ('ipxe.efi', 'ipxe.iso', 'testprog.efi')}
        unsigned = {name: os.path.join(bin_dir, name)
                    for name in ('ipxe.efi', 'ipxe.iso', 'testprog.efi')}
        # Thin ROMs whose SNP says it runs (debug output), signed and not.
        thin = ['CONFIG=qemu', 'DEBUG=' + SNP_DEBUG]
        run_make(thin + sign + ['bin-x86_64-efi/signed/virtio-net.efirom',
                                'bin-x86_64-efi/signed/e1000.efirom',
                                'bin-x86_64-efi/virtio-net.efirom',
                                'bin-x86_64-efi/e1000.efirom'], cwd=tree)
        for rom in ('virtio-net.efirom', 'e1000.efirom'):
            # Copied out: the next make of another configuration restages.
            for kind, source in (('signed', os.path.join(bin_dir, 'signed', rom)),
                                 ('unsigned', os.path.join(bin_dir, rom))):
                copy = os.path.join(top, kind + '-' + rom)
                shutil.copy(source, copy)
                (signed if kind == 'signed' else unsigned)[rom] = copy
        _build.update(signed=signed, unsigned=unsigned, tree=tree)
        return _build


def sbverify(path):
    return subprocess.run(['sbverify', '--cert', SECURE_BOOT['cert'], path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_make_sign_output_verifies():
    images = build()
    tree = images['tree']
    signed_dir = os.path.join(tree, 'bin-x86_64-efi', 'signed')
    names = sorted(n for n in os.listdir(signed_dir) if n.endswith(('.efi', '.efidrv')))
    check('ipxe.efi' in names and 'virtio-net.efidrv' in names, names)
    for name in names:
        proc = sbverify(os.path.join(signed_dir, name))
        check(proc.returncode == 0, '%s: %s' % (name, proc.stdout))
    proc = sbverify(images['unsigned']['ipxe.efi'])
    check(proc.returncode != 0, 'sbverify accepted an unsigned image')
    # The ROM carries the signed driver: rominfo reads the signature back.
    wbinfo = os.path.join(tree, 'bin-host', 'rominfo')
    run_make(['bin-host/rominfo'], cwd=tree)
    text = subprocess.run([wbinfo, images['signed']['e1000.efirom']],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    check(re.search(r'signed: yes', text), text)


def boot_expecting(name, esp=None, args=(), signed=True):
    """Boots with Secure Boot enforced; a signed image shows our banner,
    an unsigned one is refused by the firmware."""
    with Machine(name, esp=esp, args=['-net', 'none'] + list(args), arch=ARCH) as vm:
        if signed:
            vm.wait_for(BANNER, 180)
        else:
            vm.wait_for(REFUSED, 180)
            check(not re.search(BANNER, vm.text()),
                  'the firmware started an unsigned image:\n' + vm.tail())


def test_signed_ipxe_boots_from_esp_unsigned_is_refused():
    images = build()
    boot_expecting('sb-esp-signed', esp=boot_esp(images['signed']['ipxe.efi']))
    boot_expecting('sb-esp-unsigned', esp=boot_esp(images['unsigned']['ipxe.efi']),
                   signed=False)


def cdrom(iso):
    return ['-drive', 'if=none,id=cd,media=cdrom,readonly=on,format=raw,file=' + iso,
            '-device', 'ide-cd,drive=cd,bootindex=0']


def test_signed_iso_boots():
    boot_expecting('sb-iso-signed', args=cdrom(build()['signed']['ipxe.iso']))


def run_script(name, ipxe, files, script, until, arch='x86_64', extra_args=(),
               memory=256, timeout=240):
    """Boots ipxe (from an ESP, with script as its autoexec.ipxe) with a
    virtio-net NIC on QEMU's user network, whose TFTP server offers files
    ({name: host path or bytes}); returns the console once until shows."""
    tftp = tempfile.mkdtemp(prefix='wireboot-sb-tftp-')
    try:
        for inside, source in files.items():
            target = os.path.join(tftp, inside)
            if isinstance(source, bytes):
                with open(target, 'wb') as f:
                    f.write(source)
            else:
                shutil.copy(source, target)
        autoexec = os.path.join(tftp, 'autoexec.ipxe')
        with open(autoexec, 'w') as f:
            f.write('#!ipxe\ndhcp\n' + script)
        esp = dict(boot_esp(ipxe))
        esp['EFI/BOOT/autoexec.ipxe'] = autoexec
        args = ['-netdev', 'user,id=n0,tftp=' + tftp,
                '-device', 'virtio-net-pci,netdev=n0,romfile='] + list(extra_args)
        with Machine(name, esp=esp, args=args, arch=arch, memory=memory) as vm:
            vm.wait_for(until, timeout)
            return vm.text()
    finally:
        shutil.rmtree(tftp, ignore_errors=True)


def test_chain_load_verified_by_the_firmware():
    images = build()
    text = run_script('sb-chain', images['signed']['ipxe.efi'],
                      {'signed.efi': images['signed']['testprog.efi'],
                       'unsigned.efi': images['unsigned']['testprog.efi']},
                      'chain tftp://${next-server}/unsigned.efi || echo UNSIGNED-REFUSED\n'
                      'chain tftp://${next-server}/signed.efi sb-ok\n',
                      TESTPROG_MARKER + r', load options: \[[^\]]*sb-ok', arch=ARCH)
    refusal = re.search(r'unsigned\.efi: .*Secure Boot.*', text)
    check(refusal, 'no message naming the refused image:\n' + text[-3000:])
    check(re.search(r'EFI_SECURITY_VIOLATION|EFI_ACCESS_DENIED', refusal.group(0)),
          'the message does not give the firmware status: ' + refusal.group(0))
    check(text.index('UNSIGNED-REFUSED') < text.index('WIREBOOT-TESTPROG'),
          'the || branch did not run before the signed program:\n' + text[-3000:])
    check(text.count('WIREBOOT-TESTPROG: started') == 1,
          'the unsigned program ran:\n' + text[-3000:])


def test_signed_thin_roms_boot():
    images = build()
    signed_prog = images['signed']['testprog.efi']
    for device, rom in (('virtio-net-pci', 'virtio-net.efirom'),
                        ('e1000', 'e1000.efirom')):
        text = pxe_boot('sb-rom-signed-' + device, images['signed'][rom],
                        [r'>>Start PXE over IPv4', TESTPROG_MARKER],
                        device=device, bootfile=signed_prog, arch=ARCH)
        check(re.search(r'SNP net0: initialize', text),
              'PXE did not run over our signed driver on %s:\n%s' % (device, text[-3000:]))


def test_images_pass_through_shim_lock_when_present():
    """With shim's lock protocol present (the stand-in of tests/efi/shimlock.c,
    in an option ROM; Secure Boot off, so that only it decides), each image
    is handed to its Verify before LoadImage: a refused one is not started,
    with a message naming it, and the script continues on its || branch."""
    images = build()
    run_make(['bin-x86_64-efi/shimlock.efirom', 'bin-x86_64-efi/ipxe.efi'])
    text = run_script('shim-lock', os.path.join(ROOT, 'bin-x86_64-efi', 'ipxe.efi'),
                      {'signed.efi': images['signed']['testprog.efi'],
                       'unsigned.efi': images['unsigned']['testprog.efi']},
                      'chain tftp://${next-server}/unsigned.efi || echo SHIM-REFUSED\n'
                      'chain tftp://${next-server}/signed.efi shim-ok\n',
                      TESTPROG_MARKER + r', load options: \[[^\]]*shim-ok',
                      extra_args=['-netdev', 'user,id=n1', '-device',
                                  'e1000,netdev=n1,romfile=' +
                                  os.path.join(ROOT, 'bin-x86_64-efi', 'shimlock.efirom')])
    verifies = re.findall(r'WIREBOOT-SHIMLOCK: verify (\d+) bytes: (\w+)', text)
    sizes = {name: os.path.getsize(images[kind]['testprog.efi'])
             for name, kind in (('unsigned', 'unsigned'), ('signed', 'signed'))}
    check(verifies == [(str(sizes['unsigned']), 'unsigned'), (str(sizes['signed']), 'signed')],
          'shim was asked %r, expected the unsigned (%d bytes) then the signed (%d bytes) image:\n%s'
          % (verifies, sizes['unsigned'], sizes['signed'], text[-3000:]))
    check(re.search(r'unsigned\.efi: refused by shim: .*EFI_SECURITY_VIOLATION', text),
          'no message naming the image shim refused:\n' + text[-3000:])
    check(text.index('SHIM-REFUSED') < text.index('WIREBOOT-TESTPROG'), text[-3000:])
    check(text.count('WIREBOOT-TESTPROG: started') == 1, 'the refused image ran:\n' + text[-3000:])


def test_signed_kernel_boots_unsigned_is_refused():
    """Debian's kernel through its EFI stub under Secure Boot: re-signed
    with the enrolled key it boots (to its init, from the test initramfs);
    with its signature removed the firmware refuses it, the message names
    it and the script goes on. Never is a kernel entered unverified."""
    images = build()
    key = os.path.join(os.path.dirname(images['tree']), 'db.key')
    work = tempfile.mkdtemp(prefix='wireboot-sb-linux-')
    try:
        unsigned = os.path.join(work, 'vmlinuz-unsigned')
        signed = os.path.join(work, 'vmlinuz-signed')
        shutil.copy(osfixtures.kernel(), unsigned)
        # Debian's kernel carries Debian's signature; take it off, then sign
        # the bare kernel with the machine's key.
        subprocess.run(['sbattach', '--remove', unsigned], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        subprocess.run(['sbsign', '--key', key, '--cert', SECURE_BOOT['cert'],
                        '--output', signed, unsigned],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        text = run_script('sb-linux', images['signed']['ipxe.efi'],
                          {'vmlinuz-unsigned': unsigned, 'vmlinuz-signed': signed,
                           'initrd.gz': osfixtures.initramfs()},
                          'kernel tftp://${next-server}/vmlinuz-unsigned console=ttyS0\n'
                          'boot || echo KERNEL-REFUSED\n'
                          'imgfree\n'
                          'kernel tftp://${next-server}/vmlinuz-signed console=ttyS0 panic=-1 '
                          'quiet wbcase=secureboot\n'
                          'initrd tftp://${next-server}/initrd.gz\n'
                          'boot\n',
                          r'WIREBOOT-INIT: done', arch=ARCH, memory=1024, timeout=480)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    check(re.search(r'vmlinuz-unsigned: refused by Secure Boot: .*(EFI_SECURITY_VIOLATION|'
                    r'EFI_ACCESS_DENIED)', text),
          'no message naming the refused kernel:\n' + text[-3000:])
    check(text.index('KERNEL-REFUSED') < text.index('WIREBOOT-INIT'), text[-3000:])
    check(re.search(r'WIREBOOT-INIT: cmdline:.*wbcase=secureboot', text),
          'the signed kernel did not reach its init:\n' + text[-3000:])


def test_shim_command_hands_the_image_to_shim():
    """`shim URI` then `chain`: Debian's signed shim is started in place of
    the image and fetches it by name through our PXE base code, which hands
    it over from memory (the name is on no server), with the image's
    command line after its name. No Secure Boot here, so shim need not
    trust the test program; under Secure Boot it would verify it."""
    text = run_script('shim-command', os.path.join(ROOT, 'bin-x86_64-efi', 'ipxe.efi'),
                      {'shimx64.efi': osfixtures.shim(),
                       'testprog.efi': os.path.join(ROOT, 'bin-x86_64-efi', 'testprog.efi')},
                      'shim tftp://${next-server}/shimx64.efi\n'
                      'chain --name handed.efi tftp://${next-server}/testprog.efi via-shim\n',
                      TESTPROG_MARKER + r', load options: \[[^\]]*\]')
    check('handed.efi: started through the shim shimx64.efi' in text, text[-3000:])
    options = re.search(TESTPROG_MARKER + r', load options: \[([^\]]*)\]', text).group(1)
    check('via-shim' in options, 'the command line did not reach the image: [%s]' % options)
