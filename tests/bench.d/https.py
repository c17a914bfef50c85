#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTPS figures beside our HTTP and Debian's ipxe.efi (package ipxe), in
one run, on virtio-net under OVMF/TCG with QEMU user networking (nginx on
127.0.0.1, 10.0.2.2 to the guest), the test CA's certificate added with
certstore from the same nginx:

  64 MiB by HTTPS (TLS 1.3 and 1.2) and by HTTP, median of RUNS each
      (WB_BENCH_HTTPS_RUNS=n for fewer while working): the wall time, and
      QEMU's CPU time over the same span, steadier on a loaded machine;
  the handshake: a small file fetched HANDSHAKES times from a TLS 1.3-only
      and a TLS 1.2-only server that closes every connection after one
      response (keepalive_timeout 0), so that every fetch is a full
      handshake; the time per fetch;
  Debian's ipxe.efi asked for the same HTTPS file: Debian 12 builds it
      without HTTPS ("Operation not supported"), and it would trust only
      the roots built into it anyway; its message is shown, and its HTTP
      time is in the http section;
  the size of ipxe.efi with and without https (DOWNLOAD_PROTO_HTTPS and
      CERT_CMD left out in a scratch tree), and of a thin ROM.

Target: HTTPS within 1.3 times our HTTP time.
"""
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
from benchlib import (DEBIAN_IPXE_EFI, BenchFailure, TimedMachine,  # noqa: E402
                      await_marker, median_or_none, mib_per_s, table)
from nginxlab import Nginx, free_tcp_port  # noqa: E402
from tlslab import TestCA, tls_server  # noqa: E402
from wbtest import BIN, ROOT, boot_esp, run_make, scratch_tree  # noqa: E402

RUNS = int(os.environ.get('WB_BENCH_HTTPS_RUNS', 3))
HANDSHAKES = int(os.environ.get('WB_BENCH_HTTPS_HANDSHAKES', 5))
SIZE = 64 << 20
HOST = '10.0.2.2'
FAIL = r'BdsDxe: failed to start|UEFI Interactive Shell|Connection reset'


def write_file(path, size):
    block = os.urandom(1 << 20)
    with open(path, 'wb') as f:
        for i in range(size >> 20):
            f.write(bytes([i & 0xff]) + block[1:])


def run_guest(name, image, tftp, script, markers, timeout=1800):
    """Boots image with script as its DHCP boot file; the seconds between
    each (start, end) marker pair, QEMU's CPU seconds between them, and
    the console."""
    with open(os.path.join(tftp, 'bench.ipxe'), 'w') as f:
        f.write('#!ipxe\n' + script + 'echo BENCH-DONE\n')
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=bench.ipxe' % tftp,
            '-device', 'virtio-net-pci,netdev=n0,romfile=', '-device', 'virtio-rng-pci']
    with TimedMachine(name, esp=boot_esp(image), args=args, memory=1024) as vm:
        times, cpus = [], []
        for start, end in markers:
            _, t0 = await_marker(vm, start, 300, FAIL)
            _, t1 = await_marker(vm, end, timeout, FAIL)
            times.append(t1 - t0)
            cpus.append(vm.arrival(re.compile(end), cpu=True) -
                        vm.arrival(re.compile(start), cpu=True))
        await_marker(vm, r'BENCH-DONE\n', 120, FAIL)
        return times, cpus, vm.text()


def timed_fetches(uri, count, tag):
    script, markers = '', []
    for i in range(count):
        script += ('echo %s-START-%d\nimgfetch --name f%d %s || echo FETCH-FAILED\n'
                   'echo %s-END-%d\nimgfree\n' % (tag, i, i, uri, tag, i))
        markers.append((r'%s-START-%d\n' % (tag, i), r'%s-END-%d\n' % (tag, i)))
    return script, markers


def sizes():
    """(with, without) the size of ipxe.efi, and a thin ROM's."""
    top, tree = scratch_tree('bench-https')
    try:
        local = os.path.join(tree, 'src', 'config', 'local')
        os.makedirs(local, exist_ok=True)
        with open(os.path.join(local, 'general.h'), 'w') as f:
            f.write('#undef DOWNLOAD_PROTO_HTTPS\n#undef CERT_CMD\n')
        deps = os.path.join(ROOT, 'bin-host', 'deps')
        with open(os.path.join(deps, 'wolfssl.dir')) as f:
            wolfssl = os.path.join(deps, f.read().strip())
        run_make(['bin-x86_64-efi/ipxe.efi', 'WOLFSSL_SRC=' + wolfssl], cwd=tree,
                 timeout=1800)
        without = os.path.getsize(os.path.join(tree, 'bin-x86_64-efi', 'ipxe.efi'))
    finally:
        shutil.rmtree(top, ignore_errors=True)
    run_make(['CONFIG=qemu', 'bin-x86_64-efi/virtio-net.efirom'])
    thin = os.path.getsize(os.path.join(BIN, 'virtio-net.efirom'))
    return os.path.getsize(os.path.join(BIN, 'ipxe.efi')), without, thin


def main():
    run_make(['bin-x86_64-efi/ipxe.efi'])
    work = tempfile.mkdtemp(prefix='wireboot-bench-https-')
    try:
        root = os.path.join(work, 'root')
        tftp = os.path.join(work, 'tftp')
        os.mkdir(root)
        os.mkdir(tftp)
        write_file(os.path.join(root, 'big.bin'), SIZE)
        write_file(os.path.join(root, 'small.bin'), 1 << 20)
        with open(os.path.join(root, 'tiny.txt'), 'w') as f:
            f.write('x\n')
        ca = TestCA(os.path.join(work, 'pki'))
        shutil.copy(ca.cert, os.path.join(root, 'ca.pem'))
        cert = ca.issue(HOST, kind='ecdsa')
        port13, port12 = free_tcp_port(), free_tcp_port()
        once = 'keepalive_timeout 0;'
        servers = (tls_server('127.0.0.1:%d' % port13, [(HOST,) + cert], root, 'TLSv1.3') +
                   tls_server('127.0.0.1:%d' % port12, [(HOST,) + cert], root, 'TLSv1.2'))
        # Separate, closing servers for the handshake figures.
        hs13, hs12 = free_tcp_port(), free_tcp_port()
        servers += (tls_server('127.0.0.1:%d' % hs13, [(HOST,) + cert], root, 'TLSv1.3', once) +
                    tls_server('127.0.0.1:%d' % hs12, [(HOST,) + cert], root, 'TLSv1.2', once))
        with Nginx(work, root, servers=servers) as nginx:
            base = 'http://%s:%d' % (HOST, nginx.port)
            trust = 'certstore %s/ca.pem\n' % base
            rows = []
            https_uri = 'https://%s:%d/big.bin' % (HOST, port13)
            for label, uri in (('HTTPS (TLS 1.3)', https_uri),
                               ('HTTPS (TLS 1.2)', 'https://%s:%d/big.bin' % (HOST, port12)),
                               ('HTTP', base + '/big.bin')):
                script, markers = timed_fetches(uri, RUNS, 'BIG')
                try:
                    times, cpus, text = run_guest('bench-https-big',
                                                  os.path.join(BIN, 'ipxe.efi'),
                                                  tftp, trust + script, markers)
                    if 'FETCH-FAILED' in text:
                        raise BenchFailure('download failed')
                    best = median_or_none(times)
                    rows.append(['wireboot ' + label, '%.2f s' % best, mib_per_s(SIZE, best),
                                 '%.2f s' % median_or_none(cpus)])
                except BenchFailure as e:
                    rows.append(['wireboot ' + label, str(e)])
            if os.path.exists(DEBIAN_IPXE_EFI):
                script, markers = timed_fetches(https_uri, 1, 'BIG')
                try:
                    _, _, text = run_guest('bench-https-debian', DEBIAN_IPXE_EFI, tftp,
                                        script, markers, timeout=600)
                    failed = re.search(r'(Could not[^\r\n]*)', text)
                    rows.append(['Debian ipxe.efi HTTPS',
                                 ('failed: ' + failed.group(1)[:72]) if failed
                                 else 'fetched'])
                except BenchFailure as e:
                    rows.append(['Debian ipxe.efi HTTPS', str(e)])
            # The suites nginx chose (its log's last two fields).
            suites = sorted(set(re.findall(r'"GET /big\.bin [^"]*" \d+ \d+ (TLSv\S+ \S+)$',
                                           nginx.access_log(), re.M)))
            table('64 MiB from nginx: virtio-net, OVMF/TCG, QEMU user networking '
                  '(median of %d)' % RUNS, ['image', 'time', 'throughput', 'QEMU CPU'], rows,
                  ['target: HTTPS within 1.3x our HTTP time',
                   'negotiated: ' + (', '.join(suites) or 'nothing logged')])
            rows = []
            for label, port in (('TLS 1.3', hs13), ('TLS 1.2', hs12)):
                script, markers = timed_fetches('https://%s:%d/tiny.txt' % (HOST, port),
                                                HANDSHAKES, 'HS')
                try:
                    times, _, _ = run_guest('bench-https-hs', os.path.join(BIN, 'ipxe.efi'),
                                         tftp, trust + script, markers, timeout=300)
                    rows.append(['wireboot ' + label, '%.0f ms' % (1000 * median_or_none(times))])
                except BenchFailure as e:
                    rows.append(['wireboot ' + label, str(e)])
            table('Handshake: a 2-byte file, a new ECDSA P-256 connection each time '
                  '(median of %d)' % HANDSHAKES, ['client', 'fetch'], rows)
        with_tls, without_tls, thin = sizes()
        table('Image size', ['image', 'bytes'],
              [['ipxe.efi with https (default)', str(with_tls)],
               ['ipxe.efi without https', str(without_tls)],
               ['virtio-net.efirom (CONFIG=qemu, thin)', str(thin)]])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
