# SPDX-License-Identifier: GPL-2.0-or-later
"""DHCP, ProxyDHCP, TFTP and DNS of the hosted program (bin-x86_64-linux/
wireboot) against real servers: dnsmasq, and the lab's TFTP server that
speaks every option and injects faults (tests/lib/hostedlab.py). Scripts
drive the program: dhcp, imgfetch, sha256sum, echo ${...}.
"""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import TestFailure, check  # noqa: E402
from hostedlab import (PROXY, SERVER, SUBNET, Lab, dhcp_seconds,  # noqa: E402
                       make_file, read_text, setting)

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
            'echo proxydhcp ${proxydhcp/filename} ${proxydhcp/next-server}\n'
            'imgfetch --name boot tftp://${net0/next-server}/${net0/filename}\n'
            'sha256sum boot\n')
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('proxydhcp proxy.efi %s\n' % PROXY in output,
              'no ProxyDHCP settings:\n' + output)
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
