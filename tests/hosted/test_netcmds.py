# SPDX-License-Identifier: GPL-2.0-or-later
"""The network commands of the hosted program against real servers in
namespaces (tests/lib/hostedlab.py): the resolver through nslookup against
dnsmasq (a dead first server, an alias chain, the search domains, the cache
counted in dnsmasq's query log), ping (answered, and a dead address that
fails without hanging), route, ifstat, ifclose, ifconf and ifopen; ntp
against Debian's chronyd (fetched as a fixture, never installed), time.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import SERVER, SUBNET, Lab, read_text, setting  # noqa: E402

DEAD = SUBNET + '.200'


def dhcp_dns(lab, extra=()):
    """dnsmasq serving DHCP and DNS, naming a dead server first."""
    server = lab.add_server(SERVER)
    _, log = lab.dnsmasq(server, 'dns', [
        '--no-ping', '--log-queries',
        '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET),
        '--dhcp-option=option:dns-server,%s,%s' % (DEAD, SERVER),
        '--domain=lab.test', '--dhcp-option=option:domain-name,lab.test',
        '--dhcp-option=option:domain-search,nowhere.test,other.test',
        '--local=/lab.test/', '--local=/nowhere.test/', '--local=/other.test/',
        '--local-ttl=60',
        '--host-record=only.other.test,10.9.8.5',
        '--host-record=boot.lab.test,10.9.8.7',
        '--host-record=web.lab.test,10.9.8.6',
        '--host-record=server.lab.test,%s' % SERVER,
        '--cname=alias.lab.test,mid.lab.test',
        '--cname=mid.lab.test,web.lab.test'] + list(extra))
    return log


def queries(log, name):
    return len(re.findall(r'query\[A\] %s from' % re.escape(name), read_text(log)))


def test_nslookup_servers_alias_search_cache():
    with Lab('nslookup') as lab:
        log = dhcp_dns(lab)
        start = time.monotonic()
        status, output = lab.wireboot(
            'dhcp\n'
            'echo dns=${net0/dns}\n'
            'nslookup first boot.lab.test\n'
            'echo first=${first}\n'
            'nslookup again boot.lab.test\n'
            'echo again=${again}\n'
            'time nslookup alias alias.lab.test\n'
            'echo alias=${alias}\n'
            'nslookup short boot\n'
            'echo short=${short}\n'
            'nslookup listed only\n'
            'echo listed=${listed}\n'
            'nslookup missing nosuch.lab.test || echo missing failed\n'
            'nslookup --help\n')
        elapsed = time.monotonic() - start
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check(setting(output, 'dns') == '%s,%s' % (DEAD, SERVER), output)
        check(setting(output, 'first') == '10.9.8.7', output)
        check(setting(output, 'again') == '10.9.8.7', output)
        check(setting(output, 'alias') == '10.9.8.6', output)
        check(setting(output, 'short') == '10.9.8.7', output)
        # Not in lab.test (option 15), nor nowhere.test: other.test, the
        # second name of the search list (option 119).
        check(setting(output, 'listed') == '10.9.8.5', output)
        check('missing failed' in output, output)
        check(re.search(r'Could not resolve nosuch\.lab\.test: .*ENOENT', output),
              output)
        check('Usage: nslookup <setting> <name>' in output, output)
        # The dead server costs its second once: later lookups go first
        # to the server that answered.
        took = re.search(r'^nslookup: (\d+\.\d+)s$', output, re.M)
        check(took and float(took.group(1)) < 0.9, output)
        check(elapsed < 30, 'took %.1f s' % elapsed)
        # One query for boot.lab.test: the second lookup and the short
        # name (in the search domain) came from the cache.
        check(queries(log, 'boot.lab.test') == 1, read_text(log))
        check(queries(log, 'alias.lab.test') == 1, read_text(log))


def test_ping_route_ifstat():
    with Lab('ping') as lab:
        dhcp_dns(lab)
        start = time.monotonic()
        status, output = lab.wireboot(
            'dhcp\n'
            'ping --count 3 --timeout 500 %s\n'
            'echo ping=ok\n'
            'ping -c 2 -t 300 %s || echo dead failed\n'
            'ping --count 1 --size 1000 server\n'
            'ping --count 1 --timeout 200 10.9.8.7 || echo unrouted failed\n'
            'route\n'
            'ifstat\n'
            'ifstat nosuch || echo nosuch failed\n'
            'ifclose\n'
            'echo closed:\n'
            'ifstat net0\n'
            'route\n'
            'ifconf --configurator nope || echo nope failed\n'
            'ifconf -c dhcp net0\n'
            'ifopen net0\n'
            'ping -c 1 %s\n' % (SERVER, DEAD, SERVER))
        elapsed = time.monotonic() - start
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        for seq in (1, 2, 3):
            check('64 bytes from %s: seq=%d' % (SERVER, seq) in output, output)
        check('--- %s: 3 sent, 3 received, 0 lost' % SERVER in output, output)
        check('ping=ok' in output, output)
        check(re.search(r'No reply from %s: seq=2: Connection timed out' %
                        re.escape(DEAD), output), output)
        check('dead failed' in output, output)
        check('1000 bytes from %s: seq=1' % SERVER in output, output)
        # Through the gateway, which does not forward: a clear failure.
        check('unrouted failed' in output, output)
        check(elapsed < 40, 'took %.1f s' % elapsed)
        check(re.search(r'net0: %s\.\d+/255\.255\.255\.0' % re.escape(SUBNET),
                        output), output)
        check(re.search(r'net0: [0-9a-f:]{17} using tap on wbtap0 \(open\)\n'
                        r'  \[Link:up, TX:\d+ TXE:0 RX:\d+ RXE:0 RXD:\d+\]', output),
              output)
        check('nosuch failed' in output, output)
        closed = output[output.index('closed:'):]
        check('(closed)' in closed and '(inaccessible)' in closed, closed)
        check('ifconf: no configurator nope' in closed and 'nope failed' in closed,
              closed)
        check(re.search(r'DHCP \(net0 [0-9a-f:]+\)\.* ok', closed), closed)
        check('64 bytes from %s: seq=1' % SERVER in closed, closed)


def test_ntp_sets_the_clock_and_time_reports():
    """A machine whose clock is a day and a bit behind asks Debian's
    chronyd (serving the host's time) and is right afterwards; time
    reports how long the command took."""
    with Lab('ntp') as lab:
        server = lab.add_server(SERVER)
        lab.chronyd(server)
        status, output = lab.wireboot(
            'set net0/ip %s.5\n'
            'set net0/netmask 255.255.255.0\n'
            'echo before=${unixtime}\n'
            'time ntp %s\n'
            'echo after=${unixtime}\n'
            'ntp --help\n'
            'time nosuchcommand || echo time failed\n' % (SUBNET, SERVER),
            args=['--clock-offset', '-100000'])
        now = time.time()
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        before, after = int(setting(output, 'before')), int(setting(output, 'after'))
        check(abs(before - (now - 100000)) < 30, output)
        check(abs(after - now) < 30, 'after=%d, now %d:\n%s' % (after, now, output))
        check(re.search(r'NTP %s\.* ok' % re.escape(SERVER), output), output)
        check(re.search(r'^ntp: \d+\.\d{3}s$', output, re.M), output)
        check('Usage: ntp <server>' in output, output)
        check('nosuchcommand: command not found' in output and 'time failed' in output,
              output)


def test_vlan_dhcp_and_ping():
    """A VLAN over net0 (tag 42) to the server's VLAN 42, where dnsmasq
    serves DHCP: the lease, a ping, the VLAN's routes and counters, and
    removing it; the untagged link has no server at all."""
    with Lab('vlan') as lab:
        server = lab.add_server(SERVER)
        # As "ip link add link vs name vs.42 type vlan id 42" would, on a
        # kernel with VLANs (see hostedlab.VLAN_RELAY).
        lab.vlan_relay(server, 42, 'vs42', '10.42.0.1/24')
        lab.spawn(server, [
            'dnsmasq', '--no-daemon', '--conf-file=/dev/null', '--no-resolv',
            '--no-hosts', '--interface=vs42', '--bind-interfaces', '--port=0',
            '--no-ping', '--log-dhcp', '--log-facility=-',
            '--dhcp-range=10.42.0.50,10.42.0.99,1h',
            '--dhcp-leasefile=%s/vlan.leases' % lab.files,
            '--pid-file=%s/vlan.pid' % lab.files], 'dnsmasq-vlan',
            ready=r'started, version')
        status, output = lab.wireboot(
            'vcreate --tag 42 --priority 3 net0\n'
            'vcreate --tag 42 net0 || echo twice failed\n'
            'vcreate --tag 4095 net0 || echo range failed\n'
            'vcreate net0 || echo notag failed\n'
            'dhcp net0-42\n'
            'echo ip=${net0-42/ip}\n'
            'echo netx=${netX/ifname} ${netX/chip} ${netX/ip}\n'
            'ping -c 2 -t 500 10.42.0.1\n'
            'route\n'
            'ifstat net0-42\n'
            'vdestroy net0 || echo trunk failed\n'
            'vdestroy net0-42\n'
            'ifstat net0-42 || echo gone\n'
            'vcreate --help\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('net0-42: VLAN 42 on net0' in output, output)
        check(re.search(r'Could not create VLAN 42 on net0: .*EEXIST', output)
              and 'twice failed' in output, output)
        check(re.search(r'Could not create VLAN 4095 on net0: .*EINVAL', output)
              and 'range failed' in output, output)
        check('vcreate: --tag is required' in output and 'notag failed' in output,
              output)
        check(re.search(r'DHCP \(net0-42 [0-9a-f:]+\)\.* ok', output), output)
        check(re.match(r'10\.42\.0\.\d+$', setting(output, 'ip') or ''), output)
        # netX is the device opened last: the VLAN, not its trunk.
        check(setting(output, 'netx') == 'net0-42 vlan ' + setting(output, 'ip'),
              output)
        check('64 bytes from 10.42.0.1: seq=2' in output, output)
        check(re.search(r'^net0-42: 10\.42\.0\.\d+/255\.255\.255\.0 gw 10\.42\.0\.1$',
                        output, re.M),
              output)
        check(re.search(r'net0-42: [0-9a-f:]{17} using vlan on net0 tag 42 \(open\)\n'
                        r'  \[Link:up, TX:[1-9]\d* TXE:0 RX:[1-9]\d* RXE:0', output),
              output)
        check('trunk failed' in output and 'gone' in output, output)
        check('Usage: vcreate [-t|--tag <tag>] [-p|--priority <priority>] <trunk>'
              in output, output)
