#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""IPv6 beside IPv4 (make bench section), hosted program against dnsmasq
on one link, median of RUNS:

  the configuration time the program reports: DHCPv4 alone (`dhcp`), and
      autoboot's IPv6 configuration by stateful DHCPv6 (two address tests
      of a second each: the link-local address and the leased one) and by
      SLAAC with stateless DHCPv6;
  8 MiB by TFTP (dnsmasq's server) over IPv4 and over IPv6;
  64 MiB by HTTP (nginx listening on both families) over IPv4 and IPv6.
"""
import os
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
import wbtest  # noqa: E402
from benchlib import BenchFailure, mib_per_s, table  # noqa: E402
from hostedlab import (PREFIX6, SERVER, SERVER6, SUBNET, Lab, dhcp_seconds,  # noqa: E402
                       dnsmasq6, ipv6_seconds, ipv6_server, make_file)

RUNS = 3
SIZE = 8 << 20
HTTP_SIZE = 64 << 20
HTTP_PORT = 8080


def one_run(kind, http=False):
    """(configuration seconds, start to fetched seconds) of one boot."""
    with Lab('bench-v6%s' % kind) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        make_file(root, 'big.bin', HTTP_SIZE if http else SIZE)
        server = ipv6_server(lab)
        host = SERVER if kind == 'v4' else '[%s]' % SERVER6
        if kind == 'v4':
            ranges = ['%s.50,%s.99,1h' % (SUBNET, SUBNET)]
        elif kind == 'stateful':
            ranges = ['%s::100,%s::1ff,64,1h' % (PREFIX6, PREFIX6)]
        else:
            ranges = ['%s::,ra-stateless' % PREFIX6]
        if http:
            lab.nginx(server, root, port=HTTP_PORT,
                      conf_extra='        listen [::]:%d;\n' % HTTP_PORT)
            url = 'http://%s:%d/big.bin' % (host, HTTP_PORT)
        else:
            url = 'tftp://%s/big.bin' % host
        with open(os.path.join(root, 'boot.ipxe'), 'w') as f:
            f.write('#!ipxe\necho BENCH-START\nimgfetch %s\necho BENCH-END\n' % url)
        dnsmasq6(lab, server, 'bench', ranges, [
            '--no-ping', '--enable-tftp', '--tftp-root=' + root,
            '--dhcp-boot=boot.ipxe',
            '--dhcp-option=option6:bootfile-url,tftp://[%s]/boot.ipxe' % SERVER6])
        script = 'dhcp\nchain tftp://%s/boot.ipxe\n' % SERVER if kind == 'v4' else 'autoboot\n'
        start = time.monotonic()
        status, output = lab.wireboot(script, timeout=300)
        if status or 'BENCH-END' not in output:
            raise BenchFailure('failed (exit status %d)' % status)
        total = time.monotonic() - start
        config = dhcp_seconds(output) if kind == 'v4' else ipv6_seconds(output)
        return config, total


def main():
    rows = []
    for kind, http, label in (
            ('v4', False, 'DHCPv4, 8 MiB by TFTP over IPv4'),
            ('stateful', False, 'DHCPv6 stateful, 8 MiB by TFTP over IPv6'),
            ('stateless', False, 'SLAAC + stateless DHCPv6, 8 MiB by TFTP over IPv6'),
            ('v4', True, 'DHCPv4, 64 MiB by HTTP over IPv4'),
            ('stateful', True, 'DHCPv6 stateful, 64 MiB by HTTP over IPv6')):
        try:
            runs = [one_run(kind, http) for _ in range(RUNS)]
            config = statistics.median(r[0] for r in runs)
            total = statistics.median(r[1] for r in runs)
            rows.append([label, '%.2f s' % config, '%.2f s' % total,
                         mib_per_s(HTTP_SIZE if http else SIZE,
                                   max(total - config, 0.01))])
        except (BenchFailure, wbtest.TestFailure) as e:
            rows.append([label, str(e).splitlines()[0][:70]])
    table('IPv6 beside IPv4, hosted program against dnsmasq (median of %d)' % RUNS,
          ['configuration and download', 'configured', 'start to fetched', 'approx. rate'], rows,
          ['the rate counts everything after configuration (script fetch included)'])


if __name__ == '__main__':
    main()
