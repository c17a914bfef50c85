# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared support for wireboot's Python test suites.

A test is a function named test_* in a file tests/<suite>/test_*.py. It
passes by returning and fails by raising (TestFailure carries a readable
reason). tests/run.py collects and runs them; this module gives them the
means: paths, make invocations in scratch trees, QEMU + OVMF machines.
"""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, 'bin-x86_64-efi')
HOST_BIN = os.path.join(ROOT, 'bin-host')
LOG_DIR = os.path.join(HOST_BIN, 'logs')


class TestFailure(Exception):
    """A test's verdict with a reason meant for the person reading it."""


class Skip(Exception):
    """A test that cannot run here; reported as failed in make check unless
    the reason is accepted by the runner (it never is silently)."""


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def clean_env(extra=None):
    """Environment for a nested make: no jobserver or flags inherited from
    the make that runs the tests."""
    env = {k: v for k, v in os.environ.items()
           if k not in ('MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES')}
    # Scratch trees build from this tree's wolfSSL source (as an offline
    # packager would) instead of fetching their own copy each.
    if 'WOLFSSL_SRC' not in env and wolfssl_tree():
        env['WOLFSSL_SRC'] = wolfssl_tree()
    env.update(extra or {})
    return env


def wolfssl_tree():
    """The wolfSSL source tree this tree's build uses, or None."""
    if os.environ.get('WOLFSSL_SRC'):
        return os.environ['WOLFSSL_SRC']
    try:
        with open(os.path.join(HOST_BIN, 'deps', 'wolfssl.dir')) as f:
            return os.path.join(HOST_BIN, 'deps', f.read().strip())
    except OSError:
        return None


# One make at a time per tree: tests run in parallel threads, and two makes
# of one target in one tree relink the same file under each other (seen: a
# VM loading an ipxe.efi that the other test's make was rewriting).
_make_locks = {}
_make_locks_guard = threading.Lock()


def _make_lock(cwd):
    with _make_locks_guard:
        return _make_locks.setdefault(os.path.realpath(cwd), threading.Lock())


def run_make(args, cwd=ROOT, env=None, timeout=600, expect_ok=True):
    """Runs make with args in cwd; returns the CompletedProcess."""
    with _make_lock(cwd):
        proc = subprocess.run(['make', '-j2'] + list(args), cwd=cwd,
                              env=clean_env(env), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout)
    if expect_ok and proc.returncode != 0:
        raise TestFailure('make %s failed in %s:\n%s' %
                          (' '.join(args), cwd, proc.stdout[-3000:]))
    return proc


# What a copy of the source tree needs in order to build.
TREE_ENTRIES = ('Makefile', 'src', 'util', 'tests')


def scratch_tree(name):
    """A fresh copy of the source tree (no build outputs) in a temporary
    directory; the caller removes it with shutil.rmtree."""
    top = tempfile.mkdtemp(prefix='wireboot-%s-' % name)
    tree = os.path.join(top, 'wireboot')
    os.mkdir(tree)
    for entry in TREE_ENTRIES:
        source = os.path.join(ROOT, entry)
        target = os.path.join(tree, entry)
        if os.path.isdir(source):
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(
                '__pycache__', 'local'))
        else:
            shutil.copy2(source, target)
    return top, tree


def relinked_build(name, target, args):
    """target built with the make variables args (those that add one object
    and relink: TRUST=, CERT=/PRIVKEY=) in a scratch tree holding copies of
    this tree's objects, so that only that object is made and the target
    relinked; returns (the scratch top directory, which the caller removes,
    the target's path in it)."""
    run_make([target])
    top, tree = scratch_tree(name)
    # Copies keep their times, so make finds the objects up to date (the
    # configuration stamp is among them); the wolfSSL tree is only read.
    for obj in ('bin-x86_64-linux/.obj', 'bin-x86_64-efi/.obj/default'):
        if os.path.isdir(os.path.join(ROOT, obj)):
            shutil.copytree(os.path.join(ROOT, obj), os.path.join(tree, obj),
                            symlinks=True)
    os.makedirs(os.path.join(tree, 'bin-host'))
    os.symlink(os.path.join(HOST_BIN, 'deps'), os.path.join(tree, 'bin-host', 'deps'))
    run_make(list(args) + [target], cwd=tree, timeout=300)
    return top, os.path.join(tree, target)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


# ---- QEMU + OVMF ---------------------------------------------------------------

OVMF_PAIRS = (
    ('/usr/share/OVMF/OVMF_CODE_4M.fd', '/usr/share/OVMF/OVMF_VARS_4M.fd'),
    ('/usr/share/OVMF/OVMF_CODE.fd', '/usr/share/OVMF/OVMF_VARS.fd'),
)

ANSI_ESCAPE = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]')


def ovmf_files():
    for code, variables in OVMF_PAIRS:
        if os.path.exists(code) and os.path.exists(variables):
            return code, variables
    raise TestFailure('OVMF not found (apt-get install ovmf)')


# The virtual machine and firmware of each architecture, with the Debian
# package that has the firmware. Debian's 32-bit OVMF exists only as a Secure
# Boot build, which needs SMM and a secure flash; with the blank variable
# store it ships, Secure Boot is not enforced.
FIRMWARE = {
    'i386': {
        'qemu': 'qemu-system-x86_64',
        'machine': ['-machine', 'q35,smm=on,accel=tcg',
                    '-global', 'driver=cfi.pflash01,property=secure,value=on'],
        'code': '/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd',
        'vars': '/usr/share/OVMF/OVMF32_VARS_4M.fd',
        'package': 'ovmf-ia32',
    },
    'arm64': {
        'qemu': 'qemu-system-aarch64',
        'machine': ['-machine', 'virt,accel=tcg', '-cpu', 'cortex-a57'],
        'code': '/usr/share/AAVMF/AAVMF_CODE.fd',
        'vars': '/usr/share/AAVMF/AAVMF_VARS.fd',
        'package': 'qemu-efi-aarch64',
    },
}
# UEFI's name of each architecture in its removable-media boot file.
BOOT_FILE_ARCH = {'x86_64': 'X64', 'i386': 'IA32', 'arm64': 'AA64'}


# OVMF with Secure Boot enforced: Debian's build with the "snakeoil" test
# key enrolled as PK, KEK and db. Its key (passphrase "snakeoil") and
# certificate sign what such a machine accepts (tests/qemu/test_secure_boot.py).
SECURE_BOOT = {
    'qemu': 'qemu-system-x86_64',
    'machine': ['-machine', 'q35,smm=on,accel=tcg',
                '-global', 'driver=cfi.pflash01,property=secure,value=on'],
    'code': '/usr/share/OVMF/OVMF_CODE_4M.snakeoil.fd',
    'vars': '/usr/share/OVMF/OVMF_VARS_4M.snakeoil.fd',
    'key': '/usr/share/ovmf/PkKek-1-snakeoil.key',
    'cert': '/usr/share/ovmf/PkKek-1-snakeoil.pem',
    'package': 'ovmf',
}


def firmware(arch):
    """(QEMU program, machine arguments, firmware code, variable store);
    arch 'x86_64-secure-boot' is x86-64 with Secure Boot enforced."""
    if arch == 'x86_64-secure-boot':
        spec = SECURE_BOOT
        for path in (spec['code'], spec['vars'], spec['key'], spec['cert']):
            check(os.path.exists(path), '%s not found (apt-get install ovmf)' % path)
        return spec['qemu'], spec['machine'], spec['code'], spec['vars']
    if arch == 'x86_64':
        code, variables = ovmf_files()
        return 'qemu-system-x86_64', ['-machine', 'q35,accel=tcg'], code, variables
    spec = FIRMWARE[arch]
    for path in (spec['code'], spec['vars']):
        check(os.path.exists(path), '%s not found (apt-get install %s)'
              % (path, spec['package']))
    return spec['qemu'], spec['machine'], spec['code'], spec['vars']


class Machine:
    """One QEMU + OVMF virtual machine under TCG with its serial console
    captured. Use as a context manager; the log of every run is kept in
    bin-host/logs/<name>.log for a person to read after a failure."""

    def __init__(self, name, esp=None, args=(), memory=256, serial_input=False,
                 arch='x86_64', command=None):
        self.name = name
        # With serial_input, send() types into the serial console.
        self.serial_input = serial_input
        self.workdir = tempfile.mkdtemp(prefix='wireboot-vm-')
        self.output = b''
        self.lock = threading.Lock()
        self.process = None
        self.started = None
        if command:
            # A program that starts QEMU itself (make run): its whole
            # process group goes when the machine does.
            self.command = list(command)
            return
        qemu, machine, code, variables = firmware(arch)
        self.vars = os.path.join(self.workdir, 'vars.fd')
        shutil.copy(variables, self.vars)
        self.command = [qemu] + machine + [
            '-m', str(memory),
            '-display', 'none', '-no-reboot', '-monitor', 'none',
            '-serial', 'stdio',
            '-drive', 'if=pflash,format=raw,unit=0,readonly=on,file=' + code,
            '-drive', 'if=pflash,format=raw,unit=1,file=' + self.vars,
        ]
        if esp:
            self.command += esp_drive_args(esp, self.workdir)
        self.command += list(args)

    def __enter__(self):
        os.makedirs(LOG_DIR, exist_ok=True)
        self.log = open(os.path.join(LOG_DIR, self.name + '.log'), 'wb')
        self.log.write(('$ ' + ' '.join(self.command) + '\n').encode())
        # QEMU's own messages (e.g. its user networking's "Failed to send
        # packet") go to a log of their own: amid the serial output they
        # could split a line a test waits for.
        self.stderr = open(os.path.join(LOG_DIR, self.name + '.qemu-stderr.log'), 'wb')
        self.started = time.monotonic()
        self.process = subprocess.Popen(self.command,
                                        stdin=subprocess.PIPE if self.serial_input
                                        else subprocess.DEVNULL,
                                        stdout=subprocess.PIPE,
                                        stderr=self.stderr,
                                        start_new_session=True,
                                        env=clean_env())
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        return self

    def _read(self):
        while True:
            chunk = self.process.stdout.read1(65536)
            if not chunk:
                break
            with self.lock:
                self.output += chunk
            self.log.write(chunk)
            self.log.flush()

    def text(self):
        """Everything the console printed so far, escape sequences removed."""
        with self.lock:
            raw = self.output
        return ANSI_ESCAPE.sub(b'', raw).replace(b'\r', b'').decode('utf-8', 'replace')

    def wait_for(self, pattern, timeout=120):
        """Waits until the console shows pattern (a regex); returns the match.
        Fails with the console's last lines on timeout or early exit."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.text())
            if match:
                return match
            if self.process.poll() is not None:
                self.reader.join(5)
                match = regex.search(self.text())
                if match:
                    return match
                self.stderr.flush()
                with open(self.stderr.name, errors='replace') as f:
                    said = f.read()[-2000:]
                raise TestFailure('QEMU exited (status %s) before %r appeared; '
                                  'console ends:\n%s\nQEMU said:\n%s'
                                  % (self.process.returncode, pattern, self.tail(), said))
            if time.monotonic() > deadline:
                raise TestFailure('%r did not appear within %d s; console ends:\n%s'
                                  % (pattern, timeout, self.tail()))
            time.sleep(0.02)

    def send(self, data):
        """Types bytes into the serial console (needs serial_input=True)."""
        self.log.write(b'\n[sent %r]\n' % data)
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def wait_exit(self, timeout=60):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure('QEMU did not power off within %d s; console ends:\n%s'
                              % (timeout, self.tail()))

    def elapsed(self):
        return time.monotonic() - self.started

    def tail(self, lines=25):
        return '\n'.join(self.text().splitlines()[-lines:])

    def __exit__(self, *exc):
        if self.process:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
        if self.process:
            self.reader.join(5)
        self.log.close()
        self.stderr.close()
        shutil.rmtree(self.workdir, ignore_errors=True)
        return False


def esp_drive_args(files, workdir):
    """QEMU arguments for a boot disk whose FAT file system holds files
    ({path inside the ESP: host file}), through QEMU's virtual FAT driver."""
    root = os.path.join(workdir, 'esp')
    for inside, host_file in files.items():
        target = os.path.join(root, inside)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(host_file, target)
    return ['-drive', 'if=none,id=esp,format=raw,readonly=on,file=fat:' + root,
            '-device', 'virtio-blk-pci,drive=esp,bootindex=0']


def boot_esp(image, arch='x86_64'):
    """The ESP layout that makes the firmware boot image as removable media."""
    return {'EFI/BOOT/BOOT%s.EFI' % BOOT_FILE_ARCH[arch]: image}


def autoexec_esp(top, script, image=None):
    """An ESP booting image (default: this tree's ipxe.efi) with script as
    the autoexec.ipxe beside it; the script file is written into top."""
    path = os.path.join(top, 'autoexec.ipxe')
    with open(path, 'w') as f:
        f.write('#!ipxe\n' + script)
    esp = boot_esp(image or os.path.join(BIN, 'ipxe.efi'))
    esp['EFI/BOOT/autoexec.ipxe'] = path
    return esp


BANNER = r'wireboot (\S+) -- network boot firmware \((\S+), config: (\S+)\)'
