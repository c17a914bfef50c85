# SPDX-License-Identifier: GPL-2.0-or-later
"""Distribution packages built from the source tarball (make check-packaging).

The RPM spec (packaging/rpm/wireboot.spec, as the tarball of make dist
carries it) goes through rpmbuild -bb; the Debian packaging (packaging/debian,
copied into the unpacked tarball as debian/) through dpkg-buildpackage -b.
Each is built twice, in two directories of different names: the payloads
(file lists, modes and contents) must be identical. The packages must hold
every artifact make install ships, lintian must report no error, and the
packaged QEMU ROM must boot through OVMF's PXE with QEMU finding it by name.
"""
import atexit
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'install'))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'build'))
from wbtest import ROOT, TestFailure, check, clean_env, run_make  # noqa: E402
from test_glob_targets import drivers_of  # noqa: E402
from test_install import QEMU_ROMS, boot_in_data_dir  # noqa: E402

BUILD_TIMEOUT = 1500
# Two places with names of different lengths: paths must not leak into
# the payload.
PLACES = ('a', 'b-in-a-longer-directory')

_lock = threading.Lock()
_locks = {}
_built = {}
_top = []


def scratch():
    with _lock:
        if not _top:
            _top.append(tempfile.mkdtemp(prefix='wireboot-packages-'))
            atexit.register(shutil.rmtree, _top[0], True)
    return _top[0]


def once(key, build):
    with _lock:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        if key not in _built:
            _built[key] = build()
        return _built[key]


def run(argv, cwd, log_name):
    """Runs a package build; its output goes to a log kept beside it."""
    log = os.path.join(cwd, log_name)
    with open(log, 'w') as out:
        proc = subprocess.run(argv, cwd=cwd, env=clean_env(), stdout=out,
                              stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT)
    if proc.returncode != 0:
        with open(log, errors='replace') as f:
            raise TestFailure('%s failed in %s:\n%s' % (' '.join(argv[:2]), cwd, f.read()[-4000:]))
    with open(log, errors='replace') as f:
        return f.read()


def tarball():
    """The make dist tarball of this repository's HEAD."""
    def build():
        out = run_make(['dist']).stdout
        found = re.findall(r'^(bin-dist/\S+\.tar\.gz)$', out, re.M)
        check(len(found) == 1, 'make dist did not name one tarball:\n' + out)
        return os.path.join(ROOT, found[0])
    return once('tarball', build)


def version():
    return os.path.basename(tarball())[len('wireboot-'):-len('.tar.gz')]


def rpm_build(place):
    """{package name: rpm path}, built in its own _topdir."""
    def build():
        top = os.path.join(scratch(), 'rpm-' + place)
        os.makedirs(os.path.join(top, 'SOURCES'))
        shutil.copy(tarball(), os.path.join(top, 'SOURCES'))
        with tarfile.open(tarball()) as tar:
            spec = tar.extractfile('wireboot-%s/packaging/rpm/wireboot.spec' % version()).read()
        with open(os.path.join(top, 'wireboot.spec'), 'wb') as f:
            f.write(spec)
        # --nodeps: a Debian machine has no RPM database to satisfy
        # BuildRequires from; the build tools are Debian's.
        log = run(['rpmbuild', '-bb', '--nodeps', '--define', '_topdir ' + top,
                   'wireboot.spec'], top, 'build.log')
        check(re.search(r'^\d+ passed, 0 failed$', log, re.M),
              'the unit tests did not run in %check:\n' + log[-2000:])
        rpms = {}
        for d, _, names in os.walk(os.path.join(top, 'RPMS')):
            for name in names:
                path = os.path.join(d, name)
                rpms[query(['rpm', '-qp', '--qf', '%{NAME}', path])] = path
        return rpms
    return once('rpm-' + place, build)


def deb_build(place):
    """{'debs': {package: path}, 'changes': path}, built in its own directory."""
    def build():
        top = os.path.join(scratch(), 'deb-' + place)
        os.makedirs(top)
        with tarfile.open(tarball()) as tar:
            tar.extractall(top)
        source = os.path.join(top, 'wireboot-' + version())
        shutil.copytree(os.path.join(source, 'packaging', 'debian'),
                        os.path.join(source, 'debian'))
        log = run(['dpkg-buildpackage', '-b', '-us', '-uc', '-j2'], source,
                  '../build.log')
        check(re.search(r'^\d+ passed, 0 failed$', log, re.M),
              'the unit tests did not run in dh_auto_test:\n' + log[-2000:])
        debs = {name.split('_')[0]: os.path.join(top, name)
                for name in os.listdir(top) if name.endswith('.deb')}
        changes = [os.path.join(top, n) for n in os.listdir(top) if n.endswith('.changes')]
        check(len(changes) == 1, 'dpkg-buildpackage left %d .changes files' % len(changes))
        return {'debs': debs, 'changes': changes[0]}
    return once('deb-' + place, build)


def query(argv):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, check=True).stdout


def rpm_payload(path):
    """[(path, mode, content digest)] of an RPM, build-id links left out
    (they name the binaries' build IDs, compared through the binaries)."""
    out = query(['rpm', '-qp', '--qf', '[%{FILENAMES} %{FILEMODES:octal} %{FILEDIGESTS}\n]', path])
    return sorted(tuple(line.split(' ')) for line in out.splitlines()
                  if not line.startswith('/usr/lib/.build-id'))


def deb_payload(path):
    """[(path, mode, sha256 of the contents or link target)] of a .deb."""
    data = subprocess.run(['dpkg-deb', '--fsys-tarfile', path], stdout=subprocess.PIPE,
                          check=True).stdout
    entries = []
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for m in tar.getmembers():
            content = tar.extractfile(m).read() if m.isfile() else m.linkname.encode()
            entries.append((m.name, oct(m.mode), m.type.decode(),
                            hashlib.sha256(content).hexdigest()))
    return sorted(entries)


def expected_firmware():
    drivers = drivers_of(ROOT)
    names = ['ipxe.efi', 'snponly.efi', 'ipxe.iso', 'ipxe.usb']
    for driver in drivers:
        names += [driver + '.efi', driver + '.efidrv', driver + '.efirom']
    return sorted('/usr/share/wireboot/' + n for n in names)


def expected_qemu_roms():
    return sorted('/usr/share/qemu/' + n for n in QEMU_ROMS)


def files_of(payload, prefix):
    return sorted(p for p in (entry[0].lstrip('.') for entry in payload)
                  if p.startswith(prefix) and p != prefix.rstrip('/'))


def compare_payloads(kind, first, second, payload):
    check(sorted(first) == sorted(second), '%s builds made different packages: %s, %s'
          % (kind, sorted(first), sorted(second)))
    for name in first:
        a, b = payload(first[name]), payload(second[name])
        check(a == b, '%s package %s differs between the two builds:\n  %s' % (
            kind, name, '\n  '.join(str(x) for x in sorted(set(a) ^ set(b)))))


def test_rpm_packages_hold_every_artifact():
    rpms = rpm_build(PLACES[0])
    check(sorted(rpms) == ['wireboot', 'wireboot-efi', 'wireboot-roms-qemu'],
          'rpmbuild made %s' % sorted(rpms))
    tools = rpm_payload(rpms['wireboot'])
    for path in ('/usr/bin/rominfo', '/usr/bin/wbinfo'):
        check(any(e[0] == path for e in tools), 'wireboot lacks %s' % path)
    for page in ('rominfo.1', 'wbinfo.1'):
        check(any(re.match(r'/usr/share/man/man1/%s(\.gz)?$' % re.escape(page), e[0])
                  for e in tools), 'wireboot lacks the manual page %s' % page)
    check(any(e[0].endswith('/COPYING') for e in tools), 'wireboot lacks COPYING')
    check(files_of(rpm_payload(rpms['wireboot-efi']), '/usr/share/wireboot/')
          == expected_firmware(), 'wireboot-efi does not hold every application, driver, '
          'ROM and medium: %s' % files_of(rpm_payload(rpms['wireboot-efi']), '/usr/share/'))
    check(files_of(rpm_payload(rpms['wireboot-roms-qemu']), '/usr/share/qemu/')
          == expected_qemu_roms(), 'wireboot-roms-qemu does not hold QEMU\'s ROMs')
    out = query(['rpm', '-qp', '--qf', '%{VERSION} %{LICENSE}', rpms['wireboot']])
    check(out == '%s GPL-2.0-or-later' % version(), 'package version and license: %s' % out)


def test_rpm_builds_in_two_directories_are_identical():
    second = rpm_build(PLACES[1])
    compare_payloads('RPM', rpm_build(PLACES[0]), second, rpm_payload)


def test_deb_packages_hold_every_artifact_and_lintian_finds_no_error():
    built = deb_build(PLACES[0])
    debs = built['debs']
    check({'wireboot', 'wireboot-qemu'} <= set(debs), 'dpkg-buildpackage made %s' % sorted(debs))
    main = deb_payload(debs['wireboot'])
    check(files_of(main, '/usr/share/wireboot/') == expected_firmware(),
          'wireboot does not hold every application, driver, ROM and medium: %s'
          % files_of(main, '/usr/share/wireboot/'))
    for path in ('/usr/bin/rominfo', '/usr/bin/wbinfo', '/usr/share/man/man1/rominfo.1.gz',
                 '/usr/share/man/man1/wbinfo.1.gz', '/usr/share/doc/wireboot/copyright'):
        check(any(e[0].lstrip('.') == path for e in main), 'wireboot lacks %s' % path)
    check(files_of(deb_payload(debs['wireboot-qemu']), '/usr/share/qemu/')
          == expected_qemu_roms(), 'wireboot-qemu does not hold QEMU\'s ROMs')
    proc = subprocess.run(['lintian', '--fail-on', 'error', '--no-tag-display-limit',
                           built['changes']], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)
    errors = [line for line in proc.stdout.splitlines() if line.startswith('E:')]
    check(proc.returncode == 0 and not errors, 'lintian reports errors:\n' + proc.stdout)


def test_deb_builds_in_two_directories_are_identical():
    second = deb_build(PLACES[1])['debs']
    compare_payloads('Debian', deb_build(PLACES[0])['debs'], second, deb_payload)


def test_packaged_qemu_rom_boots():
    """wireboot-qemu's ROMs, unpacked, in QEMU's data directory: the
    combined efi-virtio.rom keeps ipxe-qemu's legacy image and OVMF's PXE
    boots through our EFI driver."""
    deb = deb_build(PLACES[0])['debs']['wireboot-qemu']
    root = tempfile.mkdtemp(prefix='wireboot-deb-', dir=scratch())
    subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
    roms = os.path.join(root, 'usr', 'share', 'qemu')
    text = query([os.path.join(ROOT, 'bin-host', 'rominfo'), os.path.join(roms, 'efi-virtio.rom')])
    check(re.search(r'image 0 at offset 0x0: legacy x86', text)
          and re.search(r'image 1 at offset 0x[0-9a-f]+: EFI', text),
          'the packaged efi-virtio.rom is not legacy + EFI:\n' + text)
    boot_in_data_dir('package', roms, 'virtio-net-pci', 'virtio-net')
