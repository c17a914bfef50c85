# SPDX-License-Identifier: GPL-2.0-or-later
"""The network stack as a Linux program (bin-x86_64-linux/wireboot) on a TAP
device in a network namespace of its own: the host side pings it (ARP and
ICMP echo) and exchanges datagrams with its UDP echo service."""
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import LOG_DIR, ROOT, TestFailure, check, run_make  # noqa: E402
from hostedlab import run  # noqa: E402

PROGRAM = os.path.join(ROOT, 'bin-x86_64-linux', 'wireboot')
HOST_ADDRESS = '10.77.0.1'
STACK_ADDRESS = '10.77.0.2'
ECHO_PORT = 7777
TAP = 'wbtap0'


class HostedStack:
    """A namespace with a TAP interface (the host's end, HOST_ADDRESS) and
    the program serving on it; everything is removed on exit, even when the
    test fails."""

    def __init__(self, name, args=()):
        self.namespace = 'wb-%s-%d' % (name, os.getpid())
        self.args = list(args)
        self.log_path = os.path.join(LOG_DIR, 'hosted-%s.log' % name)
        self.process = None

    def __enter__(self):
        check(os.geteuid() == 0, 'hosted tests need root (network namespaces)')
        run_make(['bin-x86_64-linux/wireboot'])
        try:
            run(['ip', 'netns', 'add', self.namespace])
            self.netns(['ip', 'link', 'set', 'lo', 'up'])
            self.netns(['ip', 'tuntap', 'add', 'dev', TAP, 'mode', 'tap'])
            self.netns(['ip', 'addr', 'add', HOST_ADDRESS + '/24', 'dev', TAP])
            self.netns(['ip', 'link', 'set', TAP, 'up'])
            os.makedirs(LOG_DIR, exist_ok=True)
            self.log = open(self.log_path, 'w+')
            self.process = subprocess.Popen(
                ['ip', 'netns', 'exec', self.namespace, PROGRAM,
                 '--tap', TAP] + self.args + ['--serve'],
                stdin=subprocess.DEVNULL, stdout=self.log,
                stderr=subprocess.STDOUT)
            self.wait_for_output(r'net0: IPv4 %s on %s\n' %
                                 (re.escape(STACK_ADDRESS), TAP))
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def netns(self, argv, timeout=30):
        return run(['ip', 'netns', 'exec', self.namespace] + argv, timeout)

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def wait_for_output(self, pattern, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, self.output()):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise TestFailure('no %r from the program:\n%s' % (pattern, self.output()))

    def stop(self):
        """Asks the program to end (SIGTERM) and returns its exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(10)

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        subprocess.run(['ip', 'netns', 'del', self.namespace],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# The host's side of the UDP exchange, run inside the namespace.
UDP_CLIENT = r'''
import socket, sys
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(3)
for size in (1, 100, 1472):
    payload = bytes((size + i) & 0xff for i in range(size))
    sock.sendto(payload, (sys.argv[1], int(sys.argv[2])))
    data, peer = sock.recvfrom(4096)
    assert data == payload, 'echo of %d bytes differs' % size
    assert peer == (sys.argv[1], int(sys.argv[2])), peer
print('udp echo ok')
'''


def test_arp_ping_and_udp_echo():
    with HostedStack('stack', ['--ip', STACK_ADDRESS + '/24,' + HOST_ADDRESS,
                               '--udp-echo', str(ECHO_PORT)]) as stack:
        ping = stack.netns(['ping', '-c', '3', '-i', '0.2', '-W', '3',
                            STACK_ADDRESS])
        check(' 0% packet loss' in ping, 'ping lost packets:\n' + ping)
        neighbours = stack.netns(['ip', 'neigh', 'show', STACK_ADDRESS])
        check(re.search(r'lladdr 02(:[0-9a-f]{2}){5}', neighbours),
              'ARP did not resolve the stack: %r' % neighbours)

        # The largest echo that fits a frame (1500 bytes of IP).
        ping = stack.netns(['ping', '-c', '2', '-i', '0.2', '-W', '3', '-s',
                            '1472', STACK_ADDRESS])
        check(' 0% packet loss' in ping, 'ping of 1472 bytes:\n' + ping)

        echo = stack.netns(['python3', '-c', UDP_CLIENT, STACK_ADDRESS,
                            str(ECHO_PORT)])
        check('udp echo ok' in echo, echo)
        status = stack.stop()
        check(status == 0, 'exit status %d after SIGTERM:\n%s' %
              (status, stack.output()))


def test_stack_ignores_other_addresses():
    """Pings of an address on the link that is not ours go unanswered."""
    with HostedStack('other', ['--ip', STACK_ADDRESS + '/24']) as stack:
        proc = subprocess.run(['ip', 'netns', 'exec', stack.namespace, 'ping',
                               '-c', '1', '-W', '1', '10.77.0.3'],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=30)
        check(proc.returncode != 0, 'someone answered for 10.77.0.3:\n' +
              proc.stdout)
        check(stack.stop() == 0, 'exit status after SIGTERM')


# Names sent to the program's UDP name service; each lookup starts inside
# the program's receive path and answers when DNS (dnsmasq here) does.
RESOLVE_CLIENT = r'''
import socket, sys
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(15)
names = sys.argv[3:]
for name in names:
    sock.sendto(name.encode(), (sys.argv[1], int(sys.argv[2])))
answers = {}
while len(answers) < len(names):
    data, peer = sock.recvfrom(4096)
    name, _, answer = data.decode().partition(' ')
    answers[name] = answer
for name in names:
    print('%s -> %s' % (name, answers[name]))
'''


def test_dns_lookup_started_from_a_receive_callback():
    """Three lookups start inside the receive path at once (a name, an
    alias chain's target, a name that does not exist) and a numeric one;
    each answers by itself, with nothing waiting for it."""
    resolve_port = 5354
    with HostedStack('resolve', ['--ip', '%s/24,%s,%s' % (STACK_ADDRESS, HOST_ADDRESS,
                                                          HOST_ADDRESS),
                                 '--udp-resolve', str(resolve_port)]) as stack:
        dns_log = open(os.path.join(LOG_DIR, 'hosted-resolve-dnsmasq.log'), 'w')
        dnsmasq = subprocess.Popen(
            ['ip', 'netns', 'exec', stack.namespace, 'dnsmasq', '--no-daemon',
             '--conf-file=/dev/null', '--no-resolv', '--no-hosts',
             '--listen-address=' + HOST_ADDRESS, '--bind-interfaces',
             '--log-queries', '--log-facility=-',
             '--pid-file=' + os.path.join(LOG_DIR, 'hosted-resolve-dnsmasq.pid'),
             '--address=/boot.test/10.77.0.9',
             '--cname=alias.test,boot.test', '--address=/nosuch.test/'],
            stdin=subprocess.DEVNULL, stdout=dns_log, stderr=subprocess.STDOUT)
        try:
            time.sleep(0.5)
            out = stack.netns(['python3', '-c', RESOLVE_CLIENT, STACK_ADDRESS,
                               str(resolve_port), 'boot.test', 'alias.test',
                               'nosuch.test', '10.1.2.3'], timeout=60)
        finally:
            dnsmasq.terminate()
            dnsmasq.wait(5)
        check('boot.test -> 10.77.0.9' in out, out + stack.output())
        check('alias.test -> 10.77.0.9' in out, out + stack.output())
        check(re.search(r'nosuch\.test -> error: ', out), out + stack.output())
        check('10.1.2.3 -> 10.1.2.3' in out, out + stack.output())
        check(stack.stop() == 0, stack.output())
