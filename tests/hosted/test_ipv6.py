# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 of the hosted program against dnsmasq on an IPv6 link: router
advertisements with SLAAC, DHCPv6 stateful and stateless with a boot file
URL, TFTP over IPv6, ICMPv6 echo replies, duplicate address detection,
a renumbered link, and dual-stack autoboot where IPv4 has no server.
"""
import ipaddress
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import (PREFIX6 as PREFIX, SERVER, SERVER6, Lab,  # noqa: E402
                       dnsmasq6, ipv6_server, make_file, read_text, setting)

SHOW = ''.join('echo %s=${%s}\n' % (name, name) for name in (
    'net0.link/ip6', 'net0.ndp/ip6', 'net0.ndp/len6', 'net0.ndp/gateway6',
    'net0.ndp/dns6', 'net0.dhcpv6/ip6', 'net0.dhcpv6/dns6',
    'net0.dhcpv6/domain', 'net0/filename', 'net0/ip6', 'net0/mac'))


def eui64(mac, prefix='fe80::'):
    """The address of prefix (/64) and mac's EUI-64, as RFC 5952 writes
    it (as the program does)."""
    b = [int(x, 16) for x in mac.split(':')]
    b[0] ^= 2
    iid = bytes(b[:3] + [0xff, 0xfe] + b[3:])
    return str(ipaddress.IPv6Address(ipaddress.IPv6Address(prefix).packed[:8] + iid))


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


# A TFTP server on IPv6 (single-block answers are enough here) that acts
# on the name asked for: "ping" pings the client back (its address and the
# link-local address of the same interface identifier) and serves the
# result; "renumber" first advertises a new prefix and withdraws the old
# one (a raw ICMPv6 router advertisement), then waits for the client's
# address test before answering.
TFTP6_SERVER = r'''
import ipaddress, os, socket, struct, subprocess, sys, time

root, address, log_path, old_prefix, new_prefix = sys.argv[1:6]
log = open(log_path, 'a', buffering=1)
main = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
main.bind((address, 69))
print('ready', file=log)

def ping(target):
    ok = subprocess.run(['ping', '-6', '-c', '1', '-W', '3', target],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    print('PING %s %s' % (target, 'ok' if ok else 'lost'), file=log)
    return ok

def prefix_option(prefix, valid):
    net = ipaddress.IPv6Network(prefix + '::/64')
    return struct.pack('!BBBBIII', 3, 4, 64, 0xc0, valid, valid, 0) + net.network_address.packed

def renumber():
    ra = struct.pack('!BBHBBHII', 134, 0, 0, 64, 0, 1800, 0, 0)
    ra += prefix_option(old_prefix, 0) + prefix_option(new_prefix, 3600)
    sock = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
    sock.sendto(ra, ('ff02::1', 0, 0, socket.if_nametoindex('vs')))
    print('RENUMBERED', file=log)
    time.sleep(2.5)

while True:
    msg, client = main.recvfrom(2048)
    if struct.unpack('!H', msg[:2])[0] != 1:
        continue
    name = msg[2:].split(b'\0')[0].decode().lstrip('/')
    print('RRQ %s from %s' % (name, client[0]), file=log)
    if name == 'ping':
        iid = ipaddress.IPv6Address(client[0]).packed[8:]
        link = ipaddress.IPv6Address(b'\xfe\x80' + bytes(6) + iid)
        results = [ping(client[0]), ping('%s%%vs' % link)]
        data = ('%s\n' % all(results)).encode()
    else:
        if name == 'renumber':
            renumber()
        data = open(os.path.join(root, name), 'rb').read()
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.bind((address, 0))
    sock.sendto(struct.pack('!HH', 3, 1) + data, client)
    sock.close()
'''


def tftp6_server(lab, server, root, new_prefix='2001:db8:7a'):
    path = os.path.join(lab.files, 'tftp6.log')
    lab.spawn(server, ['python3', '-c', TFTP6_SERVER, root, SERVER6, path,
                       PREFIX, new_prefix], 'tftp6')
    deadline = time.monotonic() + 10
    while 'ready' not in read_text(path):
        check(time.monotonic() < deadline, 'the TFTP server did not start')
        time.sleep(0.05)
    return path


def stateless_lab(lab, root):
    server = ipv6_server(lab)
    dnsmasq6(lab, server, 'v6', ['%s::,ra-stateless' % PREFIX], [
        '--dhcp-option=option6:bootfile-url,tftp://[%s]/boot.ipxe' % SERVER6,
        '--dhcp-option=option6:dns-server,[%s::53]' % PREFIX])
    return server, tftp6_server(lab, server, root)


def test_slaac_stateless_dhcpv6_and_echo():
    """Router advertisements with an autonomous prefix and O set: a SLAAC
    address (EUI-64) and the boot file URL from stateless DHCPv6; the
    server pings the program at its global and link-local addresses."""
    with Lab('v6slaac') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        boot_script(root, SHOW + 'imgfetch --name pong tftp://[%s]/ping\n' % SERVER6)
        _, log = stateless_lab(lab, root)
        status, output = run(lab, 'autoboot\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        mac = setting(output, 'net0/mac')
        check(setting(output, 'net0.ndp/ip6') == eui64(mac, PREFIX + '::'), output)
        check(setting(output, 'net0.ndp/len6') == '64', output)
        check(setting(output, 'net0.ndp/dns6') == PREFIX + '::53', output)
        check(setting(output, 'net0.dhcpv6/ip6') == '', output)
        check(setting(output, 'net0.dhcpv6/dns6') == PREFIX + '::53', output)
        served = read_text(log)
        check('PING %s ok' % eui64(mac, PREFIX + '::') in served, served)
        check('PING %s%%vs ok' % eui64(mac) in served, served)


def test_renumbered_prefix():
    """An advertisement that withdraws the prefix and brings another: the
    address of the new prefix (tested first) replaces the old one."""
    with Lab('v6renumber') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        with open(os.path.join(root, 'renumber'), 'w') as f:
            f.write('renumbered\n')
        boot_script(root, 'echo before=${net0.ndp/ip6}\n'
                    'imgfetch --name r tftp://[%s]/renumber\n'
                    'echo after=${net0.ndp/ip6}\n' % SERVER6)
        stateless_lab(lab, root)
        status, output = run(lab, 'autoboot\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        before, after = setting(output, 'before'), setting(output, 'after')
        check(before.startswith(PREFIX + ':'), output)
        check(after.startswith('2001:db8:7a:'), output)
        check(before.split(':')[-4:] == after.split(':')[-4:], output)


def test_duplicate_address_detected():
    """The only address DHCPv6 has to give is already held by another
    node: the test catches it and says who holds it."""
    with Lab('v6dad') as lab:
        server = ipv6_server(lab)
        holder = lab.add_server(SERVER.rsplit('.', 1)[0] + '.2')
        lab.netns(holder, ['ip', '-6', 'addr', 'add', PREFIX + '::150/64', 'dev', 'vs',
                           'nodad'])
        holder_mac = re.search(r'link/ether ([0-9a-f:]+)',
                               lab.netns(holder, ['ip', 'link', 'show', 'vs'])).group(1)
        # IPv4 binds without a boot file, so that autoboot ends promptly.
        dnsmasq6(lab, server, 'v6', ['%s::150,%s::150,64,1h' % (PREFIX, PREFIX),
                                     SERVER.rsplit('.', 1)[0] + '.50,' +
                                     SERVER.rsplit('.', 1)[0] + '.60,1h'],
                 ['--no-ping', '--dhcp-option=option6:bootfile-url,tftp://[%s]/x' % SERVER6])
        status, output = run(lab, 'autoboot\n')
        check(status != 0, output)
        check(re.search(r'IPv6 \(net0 [0-9a-f:]+\) .*%s::150 is in use by %s' %
                        (re.escape(PREFIX), holder_mac), output),
              'no conflict reported:\n' + output)


def test_dual_stack_ipv6_boots_while_ipv4_has_no_boot_file():
    """IPv4 and IPv6 configure at once: an IPv4 lease without a boot file
    does not hold up the IPv6 boot file URL."""
    with Lab('v6dual') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        boot_script(root, 'echo booted ip=${net0/ip} ip6=${net0/ip6}\n')
        server = ipv6_server(lab)
        subnet = SERVER.rsplit('.', 1)[0]
        _, log_path = dnsmasq6(lab, server, 'v6', ['%s::100,%s::1ff,64,1h' % (PREFIX, PREFIX),
                                                   subnet + '.50,' + subnet + '.60,1h'], [
            '--no-ping', '--dhcp-option=option6:bootfile-url,tftp://[%s]/boot.ipxe' % SERVER6,
            '--enable-tftp', '--tftp-root=' + root])
        start = time.monotonic()
        status, output = run(lab, 'autoboot\n')
        elapsed = time.monotonic() - start
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('booted ' in output, output)
        # IPv4 ran beside IPv6: its lease is usually first (1 s against
        # IPv6's 2 s of duplicate-address detection), but on a loaded
        # machine the boot may start before IPv4 prints its line, so what
        # counts is that DHCPv4 asked before the boot file was sent.
        served = read_text(log_path)
        check(re.search(r'DHCP \(net0 [0-9a-f:]+\) ok', output) or
              ('DHCPDISCOVER' in served and
               served.index('DHCPDISCOVER') < served.index('sent %s/boot.ipxe' % root)),
              'IPv4 did not configure beside IPv6:\n%s\n%s' % (output, served[-2000:]))
        check(elapsed < 15, 'autoboot took %.1f s:\n%s' % (elapsed, output))


def test_ifconf_ipv6_ping_route():
    """ifconf --configurator ipv6 on a SLAAC link, then ping (ICMPv6 echo
    through the pinger) the server at its global address and, by the
    router's link-local address, through a scope; route shows both
    addresses and the router."""
    with Lab('v6ifconf') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        stateless_lab(lab, root)
        status, output = run(lab, 'ifconf --configurator ipv6\n'
                             'ping --count 2 --timeout 500 %s\n'
                             'ping --count 1 ${net0/gateway6}%%net0\n'
                             'route\n'
                             'echo mac=${net0/mac}\n' % SERVER6)
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check(re.search(r'IPv6 \(net0 [0-9a-f:]+\) ok', output), output)
        check('64 bytes from %s: seq=2' % SERVER6 in output, output)
        check('--- %s: 2 sent, 2 received, 0 lost' % SERVER6 in output, output)
        check(re.search(r'64 bytes from fe80::[0-9a-f:]+%net0: seq=1', output), output)
        mac = setting(output, 'mac')
        check(re.search(r'net0: %s/64 gw fe80::' % re.escape(eui64(mac, PREFIX + '::')),
                        output), output)
        check('net0: %s/64' % eui64(mac) in output, output)


def test_http_over_ipv6_boot():
    """The boot file URL names an HTTP server by its IPv6 literal and a
    port: the script comes by HTTP over TCP over IPv6, and 8 MiB after it,
    from nginx listening on [::]."""
    with Lab('v6http') as lab:
        root = lab.files + '/root'
        os.mkdir(root)
        digest = make_file(root, 'big.bin', 8 << 20)
        boot_script(root, 'imgfetch --name big http://[%s]:8080/big.bin\n'
                    'sha256sum big\n' % SERVER6)
        server = ipv6_server(lab)
        lab.nginx(server, root, conf_extra='        listen [::]:8080;\n')
        dnsmasq6(lab, server, 'v6', ['%s::100,%s::1ff,64,1h' % (PREFIX, PREFIX)], [
            '--dhcp-option=option6:bootfile-url,http://[%s]:8080/boot.ipxe' % SERVER6])
        status, output = run(lab, 'autoboot\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('http://[%s]:8080/boot.ipxe... ok' % SERVER6 in output, output)
        check('%s  big' % digest in output, 'wrong or no digest:\n' + output)
