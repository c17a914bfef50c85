# SPDX-License-Identifier: GPL-2.0-or-later
"""Operating-system fixtures for boot tests, made at test time: Debian's
cloud kernel, signed network GRUB and shim (apt-get download into
bin-host/fixtures/, unpacked with dpkg-deb -x, never committed), and a
busybox initramfs whose /init prints the kernel command line and the files
a test injected, then powers off."""
import fcntl
import glob
import gzip
import io
import os
import subprocess

from wbtest import HOST_BIN, TestFailure, check

FIXTURES = os.path.join(HOST_BIN, 'fixtures')
BUSYBOX = '/bin/busybox'

# The marker lines the init prints, for tests to match.
INIT_SCRIPT = '''#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys
/bin/busybox mount -t proc proc /proc
echo "WIREBOOT-INIT: cmdline: $(/bin/busybox cat /proc/cmdline)"
for f in $(/bin/busybox find /injected -type f 2>/dev/null | /bin/busybox sort); do
  echo "WIREBOOT-INIT: file $f ($(/bin/busybox stat -c %a $f)): $(/bin/busybox cat $f)"
done
echo "WIREBOOT-INIT: done"
/bin/busybox poweroff -f
'''


def _apt_download(package, pattern):
    """The unpacked tree of package (fetched once), checked to hold pattern."""
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, '.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        tree = os.path.join(FIXTURES, package)
        found = glob.glob(os.path.join(tree, pattern))
        if found:
            return found[0]
        debs = glob.glob(os.path.join(FIXTURES, package + '_*.deb'))
        if not debs:
            proc = subprocess.run(['apt-get', 'download', package], cwd=FIXTURES,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=600)
            debs = glob.glob(os.path.join(FIXTURES, package + '_*.deb'))
            if proc.returncode != 0 or not debs:
                raise TestFailure('apt-get download %s failed:\n%s'
                                  % (package, proc.stdout[-2000:]))
        subprocess.run(['dpkg-deb', '-x', debs[0], tree], check=True)
        found = glob.glob(os.path.join(tree, pattern))
        check(found, '%s has no %s' % (package, pattern))
        return found[0]


def kernel_package():
    """The real package behind linux-image-cloud-amd64 (a metapackage)."""
    proc = subprocess.run(['apt-cache', 'depends', 'linux-image-cloud-amd64'],
                          stdout=subprocess.PIPE, text=True, check=True)
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith('Depends: linux-image-'):
            return line.split(':', 1)[1].strip()
    raise TestFailure('linux-image-cloud-amd64 depends on no kernel:\n' + proc.stdout)


def kernel():
    return _apt_download(kernel_package(), 'boot/vmlinuz-*')


def grub_net():
    return _apt_download('grub-efi-amd64-signed',
                         'usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed')


def shim():
    return _apt_download('shim-signed', 'usr/lib/shim/shimx64.efi.signed')


def cpio_newc(entries):
    """A cpio newc archive of (name, mode, data) entries, with its trailer."""
    out = io.BytesIO()
    for ino, (name, mode, data) in enumerate(entries + [('TRAILER!!!', 0, b'')], 1):
        encoded = name.encode() + b'\0'
        header = b'070701' + b''.join(b'%08x' % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(encoded), 0))
        out.write(header + encoded)
        out.write(b'\0' * (-out.tell() % 4))
        out.write(data)
        out.write(b'\0' * (-out.tell() % 4))
    return out.getvalue()


def initramfs():
    """The gzip-compressed test initramfs, padded to a multiple of 4 bytes
    so that an archive concatenated after it starts aligned."""
    with open(BUSYBOX, 'rb') as f:
        busybox = f.read()
    archive = cpio_newc([
        ('bin', 0o40755, b''),
        ('bin/busybox', 0o100755, busybox),
        ('init', 0o100755, INIT_SCRIPT.encode()),
    ])
    data = gzip.compress(archive, mtime=0)
    return data + b'\0' * (-len(data) % 4)
