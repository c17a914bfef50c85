# SPDX-License-Identifier: GPL-2.0-or-later
"""The hosted test lab: the program (bin-x86_64-linux/wireboot) in a network
namespace on TAP devices, each attached to a bridge of its own (one link per
TAP), and servers in namespaces of their own attached to a link by a veth
pair, so several servers (DHCP and ProxyDHCP, two TFTP servers) can share a
link. Also a small TFTP server (below) that speaks every option, including
windowsize (dnsmasq has none), and can lose, repeat, reorder or stop sending
blocks on purpose.

Lab(name, relay=dict(drop=0.02, seed=1, ...)) puts the frame relay
(relay.py; the keywords are its faults) in the middle of link 0: the
program talks UDP on the client namespace's loopback (--dgram) to the
relay, which forwards to the TAP on the link's bridge. lab.relay.stats()
says what the relay did. lab.atftpd(namespace, root) runs Debian's atftpd
(RFC 7440 windowsize) in a server namespace.

WB_HOSTED_PROGRAM names another build of the program to test.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

from nginxlab import Nginx
from relay import Relay
from wbtest import HOST_BIN, LOG_DIR, ROOT, TestFailure, check, run_make

PROGRAM = os.environ.get('WB_HOSTED_PROGRAM',
                         os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot'))
SUBNET = '10.79.0'
SERVER = SUBNET + '.1'
PROXY = SUBNET + '.2'
TAP = 'wbtap0'
PREFIX6 = '2001:db8:79'
SERVER6 = PREFIX6 + '::1'

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


# ---- an 802.1Q end in user space ---------------------------------------------

# The test kernel has neither VLAN devices nor VLAN-filtering bridges, so a
# server's end of a VLAN is this relay: tagged frames of one VLAN on a link
# (read with a packet socket; the kernel may have moved the tag into the
# packet's auxiliary data) go untagged to a TAP device, where servers
# listen, and the TAP's frames go back tagged.
VLAN_RELAY = r'''
import fcntl, os, select, socket, struct, sys

link, tag, tap_name, log_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ETH_P_ALL, SOL_PACKET, PACKET_AUXDATA, TP_STATUS_VLAN_VALID = 3, 263, 8, 0x10
TUNSETIFF, IFF_TAP, IFF_NO_PI = 0x400454ca, 0x0002, 0x1000
sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
sock.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
sock.bind((link, 0))
tap = os.open('/dev/net/tun', os.O_RDWR)
fcntl.ioctl(tap, TUNSETIFF, struct.pack('16sH', tap_name.encode(), IFF_TAP | IFF_NO_PI))
print('ready', file=open(log_path, 'a'), flush=True)
while True:
    ready, _, _ = select.select([sock, tap], [], [])
    if sock in ready:
        frame, ancdata, _, addr = sock.recvmsg(65536, socket.CMSG_LEN(64))
        if addr[2] == socket.PACKET_OUTGOING:
            continue
        vid = None
        for level, kind, data in ancdata:
            if level == SOL_PACKET and kind == PACKET_AUXDATA:
                status, _, _, _, _, tci = struct.unpack('IIIHHH', data[:18])
                if status & TP_STATUS_VLAN_VALID:
                    vid = tci & 0xfff
        if vid is None and frame[12:14] == b'\x81\x00':
            vid = struct.unpack('!H', frame[14:16])[0] & 0xfff
            frame = frame[:12] + frame[16:]
        if vid == tag:
            os.write(tap, frame)
    if tap in ready:
        frame = os.read(tap, 65536)
        sock.send(frame[:12] + struct.pack('!HH', 0x8100, tag) + frame[12:])
'''


def run(argv, timeout=30, cwd=None):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout, cwd=cwd)
    if proc.returncode != 0:
        raise TestFailure('%s: exit status %d:\n%s' %
                          (' '.join(argv), proc.returncode, proc.stdout))
    return proc.stdout


class Lab:
    """The client's namespace (TAP on a bridge) and server namespaces on
    the same link; everything started here is stopped and removed on exit,
    even when the test fails."""

    def __init__(self, name, links=1, relay=None):
        self.name = name
        self.relay_faults = relay
        self.relay = None
        self.taps = ['wbtap%d' % i for i in range(links)]
        self.prefix = 'wbp%d' % os.getpid()
        self.client_ns = '%s-%s-c' % (self.prefix, name)
        self.namespaces = []
        self.processes = []
        self.files = tempfile.mkdtemp(prefix='wireboot-%s-' % name)

    def __enter__(self):
        check(os.geteuid() == 0, 'hosted tests need root (network namespaces)')
        self.build()
        os.makedirs(LOG_DIR, exist_ok=True)
        try:
            self.add_namespace(self.client_ns)
            for link, tap in enumerate(self.taps):
                bridge = 'br%d' % link
                self.netns(self.client_ns, ['ip', 'link', 'add', bridge, 'type',
                                            'bridge', 'forward_delay', '0'])
                self.netns(self.client_ns, ['ip', 'link', 'set', bridge, 'up'])
                self.netns(self.client_ns, ['ip', 'tuntap', 'add', 'dev', tap,
                                            'mode', 'tap'])
                self.netns(self.client_ns, ['ip', 'link', 'set', tap, 'master',
                                            bridge, 'up'])
            if self.relay_faults is not None:
                self.relay = self.make_relay(self.taps[0], **self.relay_faults)
                self.relay.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def build(self):
        if 'WB_HOSTED_PROGRAM' not in os.environ:
            run_make(['bin-x86_64-linux/wireboot'])

    def make_relay(self, tap, **faults):
        """The relay of link 0: all of it in the client namespace, where
        the program is."""
        return Relay(tap, log_dir=LOG_DIR, name='protocols-%s-relay' % self.name,
                     prefix=['ip', 'netns', 'exec', self.client_ns], **faults)

    def add_namespace(self, namespace):
        run(['ip', 'netns', 'add', namespace])
        self.namespaces.append(namespace)
        self.netns(namespace, ['ip', 'link', 'set', 'lo', 'up'])

    def netns(self, namespace, argv, timeout=30):
        return run(['ip', 'netns', 'exec', namespace] + argv, timeout)

    def add_server(self, address, link=0):
        """A namespace holding address, on one of the client's links."""
        index = len(self.namespaces)
        namespace = '%s-%s-s%d' % (self.prefix, self.name, index)
        self.add_namespace(namespace)
        self.netns(self.client_ns, ['ip', 'link', 'add', 'vc%d' % index, 'type',
                                    'veth', 'peer', 'name', 'vs', 'netns',
                                    namespace])
        self.netns(self.client_ns, ['ip', 'link', 'set', 'vc%d' % index,
                                    'master', 'br%d' % link, 'up'])
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

    def wait_listening(self, namespace, port, proc, what):
        """Waits until something in namespace listens on TCP port."""
        deadline = time.monotonic() + 10
        while not self.netns(namespace, ['ss', '-Hltn', 'sport = :%d' % port]).strip():
            check(proc.poll() is None and time.monotonic() < deadline,
                  '%s does not listen on port %d' % (what, port))
            time.sleep(0.05)

    def nginx(self, namespace, root, conf_extra='', port=80):
        """nginx (Debian's nginx-light, tests/lib/nginxlab.py) in the
        foreground in namespace, serving root on port, with its own
        configuration, logs and temporary files in the lab's directory;
        conf_extra goes into the server block. Returns the nginxlab.Nginx
        once it listens; it is stopped when the lab ends."""
        server = Nginx(tempfile.mkdtemp(prefix='nginx-', dir=self.files), root,
                       address=None, port=port, locations=conf_extra,
                       prefix=['ip', 'netns', 'exec', namespace]).start()
        self.processes.append(server.process)
        self.wait_listening(namespace, port, server.process,
                            'nginx:\n' + server.error_log())
        return server

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

    def vlan_relay(self, namespace, tag, tap, address):
        """Serves VLAN tag of the namespace's link (vs) untagged on a new
        TAP device holding address, for servers to listen on."""
        self.netns(namespace, ['ip', 'tuntap', 'add', 'dev', tap, 'mode', 'tap'])
        log = os.path.join(self.files, 'relay-%s.log' % tap)
        proc, _ = self.spawn(namespace, ['python3', '-c', VLAN_RELAY, 'vs', str(tag),
                                         tap, log], 'relay-' + tap)
        deadline = time.monotonic() + 10
        while 'ready' not in read_text(log):
            check(proc.poll() is None and time.monotonic() < deadline,
                  'the VLAN relay did not start')
            time.sleep(0.05)
        self.netns(namespace, ['ip', 'addr', 'add', address, 'dev', tap])
        self.netns(namespace, ['ip', 'link', 'set', tap, 'up'])
        return proc

    def chronyd(self, namespace):
        """Debian's chronyd as an NTP server of the host's time (it never
        sets a clock: -x), in namespace."""
        chronyd = debian_fixture('chrony', 'usr/sbin/chronyd')
        conf = os.path.join(self.files, 'chrony.conf')
        with open(conf, 'w') as f:
            f.write('local stratum 8\nallow\nport 123\ncmdport 0\nuser root\n'
                    'pidfile %s/chronyd.pid\n' % self.files)
        return self.spawn(namespace, [chronyd, '-x', '-d', '-f', conf], 'chronyd',
                          ready=r'Disabled control of system clock')

    def wireboot(self, script, args=(), timeout=90, tap_args=None, program=PROGRAM):
        """Runs the program (another build of it, if given) with script
        (None: with args alone); returns (exit status, output). tap_args:
        per TAP, options after its --tap (default: just the TAP)."""
        argv = ['ip', 'netns', 'exec', self.client_ns, program]
        for i, tap in enumerate(self.taps):
            if i == 0 and self.relay:
                argv += ['--dgram', '0:%d' % self.relay.port]
            else:
                argv += ['--tap', tap]
            argv += list((tap_args or {}).get(i, ()))
        argv += list(args)
        if script is not None:
            script_path = os.path.join(self.files, 'script.ipxe')
            with open(script_path, 'w') as f:
                f.write('#!ipxe\n' + script)
            argv += ['--script', script_path]
        try:
            proc = subprocess.run(argv, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            raise TestFailure('the program hung (%d s):\n%s' % (timeout, e.stdout))
        with open(os.path.join(LOG_DIR, 'protocols-%s-wireboot.log' % self.name), 'a') as f:
            f.write(proc.stdout)
        return proc.returncode, proc.stdout

    def atftpd(self, namespace, root, args=()):
        """Debian's atftpd serving root on port 69 of namespace, in the
        foreground (stopped with the lab), logging to the lab's log;
        nothing of the machine's (/etc, inetd) is involved."""
        os.chmod(root, 0o755)
        return self.spawn(namespace, [
            '/usr/sbin/atftpd', '--daemon', '--no-fork', '--logfile', '-',
            '--user', 'root', '--group', 'root', '--port', '69',
            '--verbose=5'] + list(args) + [root], 'atftpd',
            ready=r'atftpd')

    def __exit__(self, *exc):
        if self.relay:
            self.relay.stop()
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


def ipv6_server(lab, address=SERVER6):
    """A server namespace with an IPv6 address (no DAD: ready at once)
    beside its IPv4 one."""
    server = lab.add_server(SERVER)
    lab.netns(server, ['sysctl', '-qw', 'net.ipv6.conf.vs.accept_dad=0'])
    lab.netns(server, ['ip', '-6', 'addr', 'add', address + '/64', 'dev', 'vs',
                       'nodad'])
    return server


def wait_link_local(lab, server):
    """Until the server's link-local address has passed its own DAD:
    dnsmasq sends advertisements from it."""
    deadline = time.monotonic() + 10
    while True:
        shown = lab.netns(server, ['ip', '-6', 'addr', 'show', 'dev', 'vs', 'scope', 'link'])
        if 'fe80' in shown and 'tentative' not in shown:
            return
        check(time.monotonic() < deadline, 'no link-local address on the server')
        time.sleep(0.1)


def dnsmasq6(lab, server, name, ranges, extra=()):
    """dnsmasq sending router advertisements (every 4 s at most) and
    serving the DHCP ranges given (IPv4 and IPv6 alike)."""
    lab.netns(server, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1'])
    wait_link_local(lab, server)
    return lab.dnsmasq(server, name, ['--port=0', '--enable-ra', '--ra-param=vs,4'] +
                       ['--dhcp-range=%s' % r for r in ranges] + list(extra))


def radvd6(lab, server, prefix=PREFIX6):
    """radvd (a real router daemon) advertising prefix::/64 on-link and
    for SLAAC, with neither the Managed nor the Other flag: for clients
    that must not start DHCPv6 of their own accord. dnsmasq cannot send
    such advertisements while it serves stateful DHCPv6 on the link (it
    then always sets Managed)."""
    lab.netns(server, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1'])
    wait_link_local(lab, server)
    conf = os.path.join(lab.files, 'radvd.conf')
    with open(conf, 'w') as f:
        f.write('interface vs {\n AdvSendAdvert on;\n MinRtrAdvInterval 3;\n'
                ' MaxRtrAdvInterval 4;\n AdvManagedFlag off;\n AdvOtherConfigFlag off;\n'
                ' prefix %s::/64 { AdvOnLink on; AdvAutonomous on; };\n};\n' % prefix)
    return lab.spawn(server, ['radvd', '--nodaemon', '--config=' + conf, '--logmethod=stderr',
                              '--debug=1', '--pidfile=' + os.path.join(lab.files, 'radvd.pid')],
                     'radvd', ready=r'version [0-9.]+ started')


def ipv6_seconds(output):
    match = re.search(r'IPv6 \(net0 [0-9a-f:]+\)\.* ok \((\d+\.\d+) s\)', output)
    check(match, 'no IPv6 success line:\n' + output)
    return float(match.group(1))


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




def debian_fixture(package, path):
    """path (e.g. 'usr/sbin/chronyd') inside Debian's package, fetched with
    apt-get download and unpacked (never installed: no service starts) into
    a cache under bin-host/, once."""
    root = os.path.join(HOST_BIN, 'fixtures', package)
    target = os.path.join(root, path)
    if os.path.exists(target):
        return target
    work = tempfile.mkdtemp(prefix='wireboot-fixture-')
    try:
        run(['apt-get', 'download', package], timeout=300, cwd=work)
        debs = [name for name in os.listdir(work) if name.endswith('.deb')]
        check(len(debs) == 1, 'apt-get download %s gave %r' % (package, debs))
        unpacked = root + '.tmp%d' % os.getpid()
        os.makedirs(os.path.dirname(root), exist_ok=True)
        run(['dpkg-deb', '-x', os.path.join(work, debs[0]), unpacked])
        shutil.rmtree(root, ignore_errors=True)
        os.rename(unpacked, root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    check(os.path.exists(target), '%s has no %s' % (package, path))
    return target
