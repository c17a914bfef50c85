# SPDX-License-Identifier: GPL-2.0-or-later
"""Images are ready for Secure Boot: each carries an .sbat section that
shim's rules parse (CSV, the format line first, our component with the
generation of src/config/sbat_generation), a distribution can add its
lines, and sbsign and pesign sign them without a warning."""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import pefile  # noqa: E402
from wbtest import BIN, ROOT, SECURE_BOOT, check, run_make  # noqa: E402

SBAT_FORMAT = 'sbat,1,SBAT Version,sbat,1,https://github.com/rhboot/shim/blob/main/SBAT.md'
MKSBAT = os.path.join(ROOT, 'util', 'mksbat')


def generation():
    with open(os.path.join(ROOT, 'src', 'config', 'sbat_generation')) as f:
        numbers = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    check(len(numbers) == 1 and numbers[0].isdigit(), numbers)
    return numbers[0]


def sbat_lines(path):
    data = pefile.load(path).section_data('.sbat')
    check(data is not None, '%s has no .sbat section' % path)
    check(b'\0' not in data, '%s: .sbat holds NUL bytes (padding?)' % path)
    text = data.decode('ascii')
    check(text.endswith('\n'), '%s: .sbat does not end with a line' % path)
    return text.splitlines()


def test_every_image_carries_sbat():
    # What make check builds: applications, and every driver image.
    images = [os.path.join(BIN, name) for name in
              ('ipxe.efi', 'testprog.efi', 'keytest.efi', 'randtest.efi')]
    images += sorted(glob.glob(os.path.join(BIN, '*.efidrv')))
    check(len(images) > 10, images)
    for path in images:
        lines = sbat_lines(path)
        check(lines[0] == SBAT_FORMAT, '%s: first line %r' % (path, lines[0]))
        fields = lines[1].split(',')
        check(len(fields) == 6 and fields[:4] == ['wireboot', generation(), 'wireboot',
                                                    'wireboot'],
              '%s: our line is %r' % (path, lines[1]))
        for line in lines:
            check(len(line.split(',')) == 6, '%s: not an SBAT line: %r' % (path, line))
        section = pefile.load(path).section('.sbat')
        check(not section.writable and not section.executable,
              '%s: .sbat must be read-only data' % path)


def mksbat(*vendor):
    return subprocess.run([MKSBAT, os.path.join(ROOT, 'src', 'config', 'sbat_generation'),
                           '1.2.3', 'https://example.org/'] + list(vendor),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_vendor_lines_and_bad_ones():
    proc = mksbat('wireboot.debian,1,Debian,wireboot,1.2.3-1,https://tracker.debian.org/wireboot;'
                  'wireboot.acme,2,Acme,wireboot,1.2.3-acme1,https://acme.example/')
    check(proc.returncode == 0, proc.stdout)
    lines = re.findall(r'\.ascii "(.*)\\n"', proc.stdout)
    check(lines[0] == SBAT_FORMAT and lines[1].startswith('wireboot,%s,' % generation())
          and lines[2].startswith('wireboot.debian,1,') and lines[3].startswith('wireboot.acme,2,'),
          lines)
    for bad in ('wireboot.x,1,Vendor', 'wireboot.x,zero,V,p,1,u', 'wireboot.x,1,V,p,1,u"x',
                'wireboot.x,0,V,p,1,u'):
        proc = mksbat(bad)
        check(proc.returncode != 0 and 'mksbat:' in proc.stdout,
              'accepted %r:\n%s' % (bad, proc.stdout))


def test_sbsign_and_pesign_sign_without_warnings():
    work = tempfile.mkdtemp(prefix='wireboot-sign-')
    try:
        key = os.path.join(work, 'db.key')
        cert = SECURE_BOOT['cert']
        subprocess.run(['openssl', 'pkey', '-in', SECURE_BOOT['key'], '-passin',
                        'pass:snakeoil', '-out', key], check=True)
        for name in ('ipxe.efi', 'testdrv.efidrv'):
            image = os.path.join(BIN, name)
            out = os.path.join(work, 'sbsign-' + name)
            proc = subprocess.run(['sbsign', '--key', key, '--cert', cert, '--output', out,
                                   image], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
            check(proc.returncode == 0 and 'warning' not in proc.stdout.lower(),
                  'sbsign %s: %s' % (name, proc.stdout))
            check(pefile.load(out).signed and not pefile.load(image).signed, name)
        # pesign signs from an NSS database holding the key and certificate.
        nss = os.path.join(work, 'nss')
        os.mkdir(nss)
        p12 = os.path.join(work, 'db.p12')
        for argv in (['certutil', '-N', '-d', nss, '--empty-password'],
                     ['openssl', 'pkcs12', '-export', '-inkey', key, '-in', cert, '-name', 'db',
                      '-passout', 'pass:', '-out', p12],
                     ['pk12util', '-i', p12, '-d', nss, '-W', '']):
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        out = os.path.join(work, 'pesign-ipxe.efi')
        proc = subprocess.run(['pesign', '-n', nss, '-c', 'db', '-s', '-i',
                               os.path.join(BIN, 'ipxe.efi'), '-o', out],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(proc.returncode == 0 and not proc.stdout.strip(), 'pesign: ' + proc.stdout)
        proc = subprocess.run(['sbverify', '--cert', cert, out], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
        check(proc.returncode == 0, 'sbverify of the pesign output: ' + proc.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_inspectors_show_sbat_and_signature():
    text = subprocess.run([os.path.join(ROOT, 'bin-host', 'wbinfo'), os.path.join(BIN, 'ipxe.efi')],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    check(re.search(r'SBAT: wireboot,%s,' % generation(), text) and 'signed: no' in text, text)
    text = subprocess.run([os.path.join(ROOT, 'bin-host', 'rominfo'),
                           os.path.join(BIN, 'testdrv.efirom')],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    check(re.search(r'SBAT: sbat,1,', text) and 'signed: no' in text, text)


def test_secure_boot_build_refuses_debug_output():
    proc = run_make(['SECURE_BOOT=1', 'DEBUG=tftp,dhcp', 'bin-x86_64-efi/ipxe.efi'],
                    expect_ok=False)
    check(proc.returncode != 0 and
          'SECURE_BOOT=1: a signed build must not have: DEBUG=tftp,dhcp' in proc.stdout,
          proc.stdout[-2000:])
