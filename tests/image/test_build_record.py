# SPDX-License-Identifier: GPL-2.0-or-later
"""The build record names every outside input (build_info.h, magic
"WIREBOOT-INFO3"): wolfSSL's version and where the built-in roots came
from -- the installed ca-certificates package's version for the default
bundle, "trust" and the start of the SHA-256 of the files' contents for
TRUST= -- in applications, drivers, ROMs (rominfo) and the hosted program."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, HOST_BIN, ROOT, check, relinked_build, run_make  # noqa: E402
from tlslab import TestCA  # noqa: E402

HOSTED = os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot')


def built_with(path, tool='wbinfo'):
    """The "built with:" line of path's record (every one, for a ROM)."""
    proc = subprocess.run([os.path.join(HOST_BIN, tool), path], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    check(proc.returncode == 0, '%s %s:\n%s' % (tool, path, proc.stdout))
    lines = re.findall(r'built with: (.*)', proc.stdout)
    check(lines, '%s %s: no "built with" line:\n%s' % (tool, path, proc.stdout))
    return lines


def ca_certificates_version():
    proc = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', 'ca-certificates'],
                          stdout=subprocess.PIPE, text=True)
    check(proc.returncode == 0 and proc.stdout, 'ca-certificates is not installed')
    return proc.stdout


def test_default_roots_record_the_ca_certificates_version():
    # Each image this test reads is built here: a fresh tree need not
    # have them yet.
    run_make(['bin-host/wbinfo', 'bin-host/rominfo', 'bin-x86_64-linux/wireboot',
              'bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/snponly.efi',
              'bin-x86_64-efi/e1000.efidrv', 'bin-x86_64-efi/e1000.efirom'])
    want = 'ca-certificates %s' % ca_certificates_version()
    for path, tool in ((os.path.join(BIN, 'ipxe.efi'), 'wbinfo'),
                       (os.path.join(BIN, 'snponly.efi'), 'wbinfo'),
                       (os.path.join(BIN, 'e1000.efidrv'), 'wbinfo'),
                       (os.path.join(BIN, 'e1000.efirom'), 'rominfo'),
                       (HOSTED, 'wbinfo')):
        for line in built_with(path, tool):
            deps = line.split(', ')
            check(len(deps) == 2 and deps[0].startswith('wolfssl ') and deps[1] == want,
                  '%s: built with %r, want wolfssl and %r' % (path, line, want))


def test_trust_files_recorded_by_their_digest():
    work = tempfile.mkdtemp(prefix='wireboot-record-')
    top = None
    try:
        first = TestCA(os.path.join(work, 'a'), name='Record CA One').cert
        second = TestCA(os.path.join(work, 'b'), name='Record CA Two').cert
        with open(first, 'rb') as f, open(second, 'rb') as g:
            digest = hashlib.sha256(f.read() + g.read()).hexdigest()[:12]
        top, program = relinked_build('record-trust', 'bin-x86_64-linux/wireboot',
                                      ['TRUST=%s,%s' % (first, second)])
        line, = built_with(program)
        check(line.endswith(', trust %s' % digest) and 'ca-certificates' not in line,
              'TRUST= build: built with %r, want "trust %s"' % (line, digest))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if top:
            shutil.rmtree(top, ignore_errors=True)
