"""DHCP, ProxyDHCP, TFTP and DNS of the hosted program (bin-x86_64-linux/
wireboot) against real servers: dnsmasq, and a small TFTP server of our own
(below) that speaks every option, including windowsize (dnsmasq has none),
and can lose, repeat, reorder or stop sending blocks on purpose.

The program runs in a network namespace on a TAP device attached to a
bridge; each server runs in a namespace of its own, attached to the bridge
by a veth pair, so two DHCP servers (DHCP and ProxyDHCP) can share the link.
Scripts drive the program: dhcp, imgfetch, sha256sum, echo ${...}.

WB_HOSTED_PROGRAM names another build of the program to test.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import LOG_DIR, ROOT, TestFailure, check, run_make  # noqa: E402

PROGRAM = os.environ.get('WB_HOSTED_PROGRAM',
                         os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot'))
SUBNET = '10.79.0'
SERVER = SUBNET + '.1'
PROXY = SUBNET + '.2'
TAP = 'wbtap0'

# ---- a TFTP server with every option and fault injection -------------------

TFTP_SERVER = r'''
import json, os, socket, struct, sys

root, address, log_path, config = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
log = open(log_path, 'a', buffering=1)
main = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
main.bind((address, 69))
print('ready', file=log)

def error(sock, client, code, text):
    sock.sendto(struct.pack('!HH', 5, code) + text.encode() + b'\0', client)

def wait_ack(sock, client, timeout):
    sock.settimeout(timeout)
    while True:
        msg, peer = sock.recvfrom(70000)
        if peer != client:
            error(sock, peer, 5, 'Unknown transfer ID')
            continue
        op = struct.unpack('!H', msg[:2])[0]
        if op == 5:
            raise ConnectionAbortedError(msg[4:-1].decode(errors='replace'))
        if op == 4 and len(msg) >= 4:
            return struct.unpack('!H', msg[2:4])[0]

def send(sock, client, data, blksize, window, timeout, faults, log):
    count = len(data) // blksize + 1
    acked, tries, done_faults = 0, 0, set()
    while acked < count:
        held = None
        for block in range(acked + 1, min(acked + window, count) + 1):
            if faults.get('vanish_after') and block > faults['vanish_after']:
                break
            packet = struct.pack('!HH', 3, block & 0xffff) + data[(block - 1) * blksize:block * blksize]
            key = ('drop', block)
            if block in faults.get('drop', []) and key not in done_faults:
                done_faults.add(key)
                continue
            key = ('reorder', block)
            if block in faults.get('reorder', []) and key not in done_faults:
                done_faults.add(key)
                held = packet
                continue
            sock.sendto(packet, client)
            if block in faults.get('dup', []):
                sock.sendto(packet, client)
            if held:
                sock.sendto(held, client)
                held = None
        if held:
            sock.sendto(held, client)
        try:
            number = wait_ack(sock, client, timeout)
        except socket.timeout:
            tries += 1
            if tries > 5:
                print('GAVEUP', file=log)
                return
            continue
        block = acked + ((number - acked) & 0xffff)
        if block <= acked + window:
            if block > acked:
                tries = 0
            acked = max(acked, block)
    print('DONE', file=log)

while True:
    msg, client = main.recvfrom(2048)
    if struct.unpack('!H', msg[:2])[0] != 1:
        continue
    parts = msg[2:].split(b'\0')
    name = parts[0].decode()
    options = {parts[i].decode().lower(): parts[i + 1].decode()
               for i in range(2, len(parts) - 2, 2)}
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((address, 0))
    path = os.path.join(root, name.lstrip('/'))
    if not os.path.isfile(path):
        print('RRQ %s missing' % name, file=log)
        error(sock, client, 1, 'File not found')
        continue
    data = open(path, 'rb').read()
    blksize, window, timeout = 512, 1, 1.0
    reply = b''
    if config.get('options', True):
        if 'blksize' in options:
            blksize = min(int(options['blksize']), 65464)
            reply += b'blksize\0%d\0' % blksize
        if 'windowsize' in options:
            window = min(int(options['windowsize']), config.get('max_window', 64))
            reply += b'windowsize\0%d\0' % window
        if 'timeout' in options:
            timeout = int(options['timeout'])
            reply += b'timeout\0%d\0' % timeout
        if 'tsize' in options:
            reply += b'tsize\0%d\0' % len(data)
    print('RRQ %s %s' % (name, json.dumps({'blksize': blksize, 'windowsize': window,
          'timeout': timeout, 'tsize': 'tsize' in options and bool(reply)})), file=log)
    try:
        if reply:
            for attempt in range(5):
                sock.sendto(struct.pack('!H', 6) + reply, client)
                try:
                    if wait_ack(sock, client, timeout) == 0:
                        break
                except socket.timeout:
                    pass
        send(sock, client, data, blksize, window, timeout, config.get('faults', {}), log)
    except ConnectionAbortedError as e:
        print('ABORTED %s' % e, file=log)
    except socket.timeout:
        print('GAVEUP', file=log)
    sock.close()
'''


def run(argv, timeout=30):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise TestFailure('%s: exit status %d:\n%s' %
                          (' '.join(argv), proc.returncode, proc.stdout))
    return proc.stdout


class Lab:
    """The client's namespace (TAP on a bridge) and server namespaces on
    the same link; everything started here is stopped and removed on exit,
    even when the test fails."""

    def __init__(self, name):
        self.name = name
        self.prefix = 'wbp%d' % os.getpid()
        self.client_ns = '%s-%s-c' % (self.prefix, name)
        self.namespaces = []
        self.processes = []
        self.files = tempfile.mkdtemp(prefix='wireboot-%s-' % name)

    def __enter__(self):
        check(os.geteuid() == 0, 'hosted tests need root (network namespaces)')
        if 'WB_HOSTED_PROGRAM' not in os.environ:
            run_make(['bin-x86_64-linux/wireboot'])
        os.makedirs(LOG_DIR, exist_ok=True)
        try:
            self.add_namespace(self.client_ns)
            self.netns(self.client_ns, ['ip', 'link', 'add', 'br0', 'type',
                                        'bridge', 'forward_delay', '0'])
            self.netns(self.client_ns, ['ip', 'link', 'set', 'br0', 'up'])
            self.netns(self.client_ns, ['ip', 'tuntap', 'add', 'dev', TAP,
                                        'mode', 'tap'])
            self.netns(self.client_ns, ['ip', 'link', 'set', TAP, 'master',
                                        'br0', 'up'])
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def add_namespace(self, namespace):
        run(['ip', 'netns', 'add', namespace])
        self.namespaces.append(namespace)
        self.netns(namespace, ['ip', 'link', 'set', 'lo', 'up'])

    def netns(self, namespace, argv, timeout=30):
        return run(['ip', 'netns', 'exec', namespace] + argv, timeout)

    def add_server(self, address):
        """A namespace holding address, on the client's link."""
        index = len(self.namespaces)
        namespace = '%s-%s-s%d' % (self.prefix, self.name, index)
        self.add_namespace(namespace)
        self.netns(self.client_ns, ['ip', 'link', 'add', 'vc%d' % index, 'type',
                                    'veth', 'peer', 'name', 'vs', 'netns',
                                    namespace])
        self.netns(self.client_ns, ['ip', 'link', 'set', 'vc%d' % index,
                                    'master', 'br0', 'up'])
        self.netns(namespace, ['ip', 'addr', 'add', address + '/24', 'dev', 'vs'])
        self.netns(namespace, ['ip', 'link', 'set', 'vs', 'up'])
        return namespace

    def spawn(self, namespace, argv, log_name, ready=None):
        log_path = os.path.join(LOG_DIR, 'protocols-%s-%s.log' % (self.name, log_name))
        log = open(log_path, 'w')
        proc = subprocess.Popen(['ip', 'netns', 'exec', namespace] + argv,
                                stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT)
        self.processes.append(proc)
        if ready:
            deadline = time.monotonic() + 10
            while not re.search(ready, read_text(log_path)):
                check(proc.poll() is None and time.monotonic() < deadline,
                      '%s did not start:\n%s' % (argv[0], read_text(log_path)))
                time.sleep(0.05)
        return proc, log_path

    def dnsmasq(self, namespace, name, args):
        """dnsmasq in the foreground, logging what it does; ready once it
        says so."""
        return self.spawn(namespace, [
            'dnsmasq', '--no-daemon', '--conf-file=/dev/null', '--no-resolv',
            '--no-hosts', '--interface=vs', '--bind-interfaces', '--log-dhcp',
            '--log-facility=-', '--dhcp-leasefile=%s/%s.leases' % (self.files, name),
            '--pid-file=%s/%s.pid' % (self.files, name)] + args,
            'dnsmasq-' + name, ready=r'started, version')

    def tftp_server(self, namespace, address, root, config=None):
        return self.spawn(namespace, ['python3', '-c', TFTP_SERVER, root,
                                      address, os.path.join(self.files, 'tftp.log'),
                                      json.dumps(config or {})],
                          'tftp', ready=None)

    def tftp_log(self):
        path = os.path.join(self.files, 'tftp.log')
        deadline = time.monotonic() + 10
        while 'ready' not in read_text(path):
            check(time.monotonic() < deadline, 'the TFTP server did not start')
            time.sleep(0.05)
        return read_text(path)

    def wireboot(self, script, args=(), timeout=90):
        """Runs the program with script; returns (exit status, output)."""
        script_path = os.path.join(self.files, 'script.ipxe')
        with open(script_path, 'w') as f:
            f.write('#!ipxe\n' + script)
        argv = ['ip', 'netns', 'exec', self.client_ns, PROGRAM, '--tap', TAP] + \
            list(args) + ['--script', script_path]
        try:
            proc = subprocess.run(argv, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            raise TestFailure('the program hung (%d s):\n%s' % (timeout, e.stdout))
        with open(os.path.join(LOG_DIR, 'protocols-%s-wireboot.log' % self.name), 'a') as f:
            f.write(proc.stdout)
        return proc.returncode, proc.stdout

    def __exit__(self, *exc):
        for proc in self.processes:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        for namespace in reversed(self.namespaces):
            subprocess.run(['ip', 'netns', 'del', namespace],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.files, ignore_errors=True)


def read_text(path):
    try:
        with open(path, errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def make_file(directory, name, size):
    """A file of size pseudo-random bytes; returns its SHA-256."""
    data = hashlib.shake_256(name.encode()).digest(size) if size else b''
    with open(os.path.join(directory, name), 'wb') as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


def setting(output, name):
    match = re.search(r'^%s=(.*)$' % re.escape(name), output, re.M)
    return match.group(1) if match else None


def dhcp_seconds(output):
    match = re.search(r'DHCP \(net0 [0-9a-f:]+\)\.* ok \((\d+\.\d+) s\)', output)
    check(match, 'no DHCP success line:\n' + output)
    return float(match.group(1))


ECHO_SETTINGS = ''.join('echo %s=${net0/%s}\n' % (name, name) for name in (
    'ip', 'netmask', 'gateway', 'dns', 'domain', 'filename', 'next-server',
    'dhcp-server'))


def test_dhcp_lease():
    with Lab('dhcp') as lab:
        server = lab.add_server(SERVER)
        _, log = lab.dnsmasq(server, 'dhcp', [
            '--port=0', '--no-ping', '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET),
            '--dhcp-option=option:router,%s' % SERVER,
            '--dhcp-option=option:dns-server,%s.3' % SUBNET,
            '--domain=boot.test', '--dhcp-boot=lease.efi'])
        status, output = lab.wireboot('dhcp\n' + ECHO_SETTINGS)
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check(re.match(re.escape(SUBNET) + r'\.\d+$', setting(output, 'ip') or ''),
              'no address:\n' + output)
        for name, want in (('netmask', '255.255.255.0'), ('gateway', SERVER),
                           ('dns', SUBNET + '.3'), ('domain', 'boot.test'),
                           ('filename', 'lease.efi'), ('next-server', SERVER),
                           ('dhcp-server', SERVER)):
            check(setting(output, name) == want, '%s is %r, want %r:\n%s' %
                  (name, setting(output, name), want, output))
        # A boot file in the offer: no wait for ProxyDHCP. The first
        # DISCOVER may meet a link that is just coming up (1 s retry).
        seconds = dhcp_seconds(output)
        check(seconds < 1.5, 'DHCP took %.2f s' % seconds)
        served = read_text(log)
        check('PXEClient:Arch:00007:UNDI:003000' in served,
              'no PXE vendor class in the DISCOVER:\n' + served)
        check('DHCPACK' in served, served)


def test_dhcp_without_boot_file_waits_one_second_at_most():
    with Lab('dhcpnoboot') as lab:
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'dhcp', ['--port=0', '--no-ping',
                                     '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET)])
        status, output = lab.wireboot('dhcp\n' + ECHO_SETTINGS)
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        seconds = dhcp_seconds(output)
        check(1.0 <= seconds < 2.5, 'DHCP took %.2f s' % seconds)
        check(setting(output, 'filename') == '', output)


def test_proxydhcp():
    """A DHCP server with no boot information and a ProxyDHCP server that
    names the boot file: the lease comes from one, the file from the other,
    and the file is then fetched from the ProxyDHCP server's TFTP."""
    with Lab('proxy') as lab:
        root = lab.files + '/proxyroot'
        os.mkdir(root)
        digest = make_file(root, 'proxy.efi', 70000)
        server = lab.add_server(SERVER)
        proxy = lab.add_server(PROXY)
        lab.dnsmasq(server, 'dhcp', ['--port=0', '--no-ping',
                                     '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET)])
        _, proxy_log = lab.dnsmasq(proxy, 'proxy', [
            '--port=0', '--dhcp-range=%s.0,proxy' % SUBNET,
            '--pxe-service=X86-64_EFI,wireboot-test,proxy.efi',
            '--enable-tftp', '--tftp-root=' + root])
        status, output = lab.wireboot(
            'dhcp\n' + ECHO_SETTINGS +
            'imgfetch --name boot tftp://${net0/next-server}/${net0/filename}\n'
            'sha256sum boot\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check(setting(output, 'filename') == 'proxy.efi', output)
        check(setting(output, 'next-server') == PROXY, output)
        check(setting(output, 'dhcp-server') == SERVER, output)
        check('%s  boot' % digest in output, 'wrong or no digest:\n' + output)
        # Both offers arrive at once: no waiting on either.
        seconds = dhcp_seconds(output)
        check(seconds < 2.5, 'DHCP took %.2f s' % seconds)
        # dnsmasq names the file only when asked on port 4011.
        check('bootfile name: proxy.efi' in read_text(proxy_log),
              read_text(proxy_log))


def fetch_script(url, name='img'):
    return 'imgfetch --name %s %s\nsha256sum %s\n' % (name, url, name)


def test_tftp_options():
    """Each option alone and together, against a server that honours all
    of them; content checked by SHA-256, negotiation by the server's log."""
    with Lab('tftpopts') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'file.bin', 300001)
        empty = make_file(root, 'empty.bin', 0)
        whole = make_file(root, 'whole.bin', 1432 * 20)
        server = lab.add_server(SERVER)
        lab.tftp_server(server, SERVER, root)
        lab.tftp_log()
        cases = [
            ('', {'blksize': 1432, 'windowsize': 16, 'tsize': True}),
            ('?blksize=512&windowsize=0&tsize=0', {'blksize': 512, 'windowsize': 1, 'tsize': False}),
            ('?blksize=0&windowsize=0', {'blksize': 512, 'windowsize': 1}),
            ('?windowsize=4', {'windowsize': 4}),
            ('?windowsize=64', {'windowsize': 64}),
            ('?timeout=2', {'timeout': 2}),
            ('?blksize=4000', {'blksize': 4000}),	# IP fragments
        ]
        script = ''.join(fetch_script('tftp://%s/file.bin%s' % (SERVER, query), 'f%d' % i)
                         for i, (query, _) in enumerate(cases))
        script += fetch_script('tftp://%s/empty.bin' % SERVER, 'empty')
        script += fetch_script('tftp://%s/whole.bin' % SERVER, 'whole')
        status, output = lab.wireboot(script, ['--ip', SUBNET + '.60/24'])
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        for i in range(len(cases)):
            check('%s  f%d' % (digest, i) in output,
                  'case %r: wrong or no digest:\n%s' % (cases[i][0], output))
        check('%s  empty' % empty in output, output)
        check('%s  whole' % whole in output, output)
        log = lab.tftp_log()
        requests = [json.loads(line.split(' ', 2)[2]) for line in log.splitlines()
                    if line.startswith('RRQ /file.bin') or line.startswith('RRQ file.bin')]
        check(len(requests) == len(cases), log)
        for (query, want), got in zip(cases, requests):
            for key, value in want.items():
                check(got[key] == value, 'case %r: %s is %r, want %r' %
                      (query, key, got[key], value))


def test_tftp_without_options_and_dnsmasq():
    """A server that ignores options (plain RFC 1350) and dnsmasq's TFTP
    (no windowsize): both deliver the right bytes."""
    with Lab('tftpplain') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'file.bin', 100000)
        server = lab.add_server(SERVER)
        other = lab.add_server(PROXY)
        lab.tftp_server(server, SERVER, root, {'options': False})
        lab.tftp_log()
        lab.dnsmasq(other, 'tftp', ['--port=0', '--enable-tftp', '--tftp-root=' + root])
        status, output = lab.wireboot(
            fetch_script('tftp://%s/file.bin' % SERVER, 'plain') +
            fetch_script('tftp://%s/file.bin?windowsize=8' % PROXY, 'dnsmasq'),
            ['--ip', SUBNET + '.60/24'])
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('%s  plain' % digest in output, output)
        check('%s  dnsmasq' % digest in output, output)


def test_tftp_lossy_server():
    """Blocks lost, repeated and out of order, inside windows and at their
    ends: the transfer recovers and the content is exact."""
    with Lab('tftplossy') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'file.bin', 200000)
        server = lab.add_server(SERVER)
        lab.tftp_server(server, SERVER, root, {'faults': {
            'drop': [3, 16, 17, 40, 140], 'dup': [5, 6, 50], 'reorder': [9, 70]}})
        lab.tftp_log()
        status, output = lab.wireboot(
            fetch_script('tftp://%s/file.bin' % SERVER, 'w16') +
            fetch_script('tftp://%s/file.bin?windowsize=1' % SERVER, 'w1'),
            ['--ip', SUBNET + '.60/24'])
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('%s  w16' % digest in output, output)
        check('%s  w1' % digest in output, output)


def test_tftp_file_not_found():
    with Lab('tftpmissing') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'tftp', ['--port=0', '--enable-tftp', '--tftp-root=' + root])
        status, output = lab.wireboot(
            'imgfetch tftp://%s/missing.efi || echo fetch=failed\n' % SERVER,
            ['--ip', SUBNET + '.60/24'])
        check('fetch=failed' in output, output)
        check('No such file or directory' in output,
              'no clear error for a missing file:\n' + output)


def test_tftp_server_vanishes():
    """The server stops in the middle of a transfer: a timeout error after
    about 15 s of silence, not a hang."""
    with Lab('tftpvanish') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        make_file(root, 'file.bin', 500000)
        server = lab.add_server(SERVER)
        lab.tftp_server(server, SERVER, root, {'faults': {'vanish_after': 100}})
        lab.tftp_log()
        start = time.monotonic()
        status, output = lab.wireboot(
            'imgfetch tftp://%s/file.bin || echo fetch=failed\n' % SERVER,
            ['--ip', SUBNET + '.60/24'], timeout=60)
        elapsed = time.monotonic() - start
        check('fetch=failed' in output, output)
        check('timed out' in output, 'no timeout error:\n' + output)
        check(10 < elapsed < 30, 'gave up after %.1f s' % elapsed)


def test_dns_name_in_tftp_url():
    """dnsmasq as DHCP and DNS server: the name in the URL is resolved
    through the server DHCP named; an unknown name fails clearly."""
    with Lab('dns') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'file.bin', 5000)
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'dns', [
            '--port=53', '--no-ping', '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET),
            '--host-record=boot.test,%s' % SERVER, '--cname=alias.test,boot.test',
            '--local=/test/',
            '--enable-tftp', '--tftp-root=' + root])
        status, output = lab.wireboot(
            'dhcp\n' + ECHO_SETTINGS +
            fetch_script('tftp://boot.test/file.bin', 'byname') +
            fetch_script('tftp://alias.test/file.bin', 'byalias') +
            'imgfetch tftp://nosuch.test/file.bin || echo lookup=failed\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check(setting(output, 'dns') == SERVER, output)
        check('%s  byname' % digest in output, output)
        check('%s  byalias' % digest in output, output)
        check('lookup=failed' in output and 'No such file or directory' in output,
              output)
