# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 of the hosted program against dnsmasq on an IPv6 link: router
advertisements with SLAAC, DHCPv6 stateful and stateless with a boot file
URL, TFTP over IPv6, ICMPv6 echo replies, duplicate address detection,
a renumbered link, and dual-stack autoboot where IPv4 has no server.
"""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import (SERVER, Lab, make_file, read_text, setting)  # noqa: E402

PREFIX = '2001:db8:79'
SERVER6 = PREFIX + '::1'

SHOW = ''.join('echo %s=${%s}\n' % (name, name) for name in (
    'net0.link/ip6', 'net0.ndp/ip6', 'net0.ndp/len6', 'net0.ndp/gateway6',
    'net0.ndp/dns6', 'net0.dhcpv6/ip6', 'net0.dhcpv6/dns6',
    'net0.dhcpv6/domain', 'net0/filename', 'net0/ip6', 'net0/mac'))


def eui64(mac, prefix='fe80:'):
    b = [int(x, 16) for x in mac.split(':')]
    b[0] ^= 2
    words = [b[0] << 8 | b[1], b[2] << 8 | 0xff, 0xfe << 8 | b[3], b[4] << 8 | b[5]]
    return prefix + ':' + ':'.join('%x' % w for w in words)


def ipv6_server(lab, prefix=PREFIX, address=None):
    """A server namespace with an IPv6 address (no DAD: it is ready at
    once) beside its IPv4 one."""
    server = lab.add_server(SERVER)
    lab.netns(server, ['sysctl', '-qw', 'net.ipv6.conf.vs.accept_dad=0'])
    lab.netns(server, ['ip', '-6', 'addr', 'add', (address or prefix + '::1') + '/64',
                       'dev', 'vs', 'nodad'])
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
    lab.netns(server, ['sysctl', '-qw', 'net.ipv6.conf.all.forwarding=1'])
    wait_link_local(lab, server)
    return lab.dnsmasq(server, name, ['--port=0', '--enable-ra', '--ra-param=vs,4'] +
                       ['--dhcp-range=%s' % r for r in ranges] + list(extra))


def boot_script(root, text):
    with open(os.path.join(root, 'boot.ipxe'), 'w') as f:
        f.write('#!ipxe\n' + text)


def run(lab, script, timeout=60):
    status, output = lab.wireboot(script, timeout=timeout)
    return status, output


def test_stateful_dhcpv6_boot_over_tftp():
    """An IPv6-only link with DHCPv6 (IA_NA) and a boot file URL: autoboot
    takes the address, fetches the script by TFTP over IPv6 and runs it,
    without waiting out IPv4."""
    with Lab('v6stateful') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'data.bin', 150000)
        boot_script(root, SHOW + 'imgfetch --name data tftp://[%s]/data.bin\n'
                    'sha256sum data\n' % SERVER6)
        server = ipv6_server(lab)
        _, log = dnsmasq6(lab, server, 'v6', ['%s::100,%s::1ff,64,1h' % (PREFIX, PREFIX)], [
            '--dhcp-option=option6:bootfile-url,tftp://[%s]/boot.ipxe' % SERVER6,
            '--dhcp-option=option6:dns-server,[%s::53]' % PREFIX,
            '--dhcp-option=option6:domain-search,boot.test',
            '--enable-tftp', '--tftp-root=' + root])
        start = time.monotonic()
        status, output = run(lab, 'autoboot\n')
        elapsed = time.monotonic() - start
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        address = setting(output, 'net0.dhcpv6/ip6') or ''
        check(re.match(re.escape(PREFIX) + r'::1[0-9a-f]{2}$', address),
              'no DHCPv6 address:\n' + output)
        link_local = eui64(setting(output, 'net0/mac'))
        check(setting(output, 'net0.link/ip6') == link_local, output)
        check(setting(output, 'net0/ip6') == address, output)
        check(setting(output, 'net0.dhcpv6/dns6') == PREFIX + '::53', output)
        check(setting(output, 'net0.dhcpv6/domain') == 'boot.test', output)
        check(setting(output, 'net0.ndp/gateway6', ).startswith('fe80::'), output)
        check('%s  data' % digest in output, 'wrong or no digest:\n' + output)
        check(re.search(r'IPv6 \(net0 [0-9a-f:]+\) ok', output), output)
        # IPv4's DHCP (30 s without a server) was not waited for.
        check(elapsed < 20, 'autoboot took %.1f s:\n%s' % (elapsed, output))
        served = read_text(log)
        check('DHCPREPLY' in served and address in served, served)
