#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Network figures beside Debian's ipxe.efi (package ipxe), in one run:

  image start to DHCP bound, and 8 MiB by TFTP from QEMU's built-in server,
      both images autobooting on a virtio-net NIC (OVMF/TCG, user networking;
      the DHCP boot file is a script both run);
  TFTP windowsize: the hosted program against the TFTP server of
      tests/lib/hostedlab.py, 8 MiB per window size;
  8 MiB by TFTP on every NIC model QEMU emulates and we have a driver for,
      and 8 MiB by HTTP from Debian's nginx on 127.0.0.1 (the guest's
      10.0.2.2) on each of them.

Times are taken on the host, from when the console output that completes
a line arrived: from the image's first line to its DHCP success line, and
between the echo markers around each download. The script fetches the file
FETCHES times per boot (imgfree between), so one boot gives several samples.

While working on a driver: `network.py MODEL[,MODEL...] [IMAGE]` (our
driver names, e.g. rtl8139,ne2k-pci; IMAGE defaults to the tree's
bin-x86_64-efi/ipxe.efi, built beforehand) prints only the per-model
table, for those models, ours beside Debian's in the same run.
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'lib'))
import wbtest  # noqa: E402
from benchlib import (DEBIAN_IPXE_EFI, BenchFailure, TimedMachine,  # noqa: E402
                      await_marker, median_or_none, mib_per_s, table)
from nginxlab import Nginx  # noqa: E402
from wbtest import boot_esp, run_make, scratch_tree  # noqa: E402

RUNS = 3		# boots per image on virtio-net
FETCHES = 3		# downloads per boot
SIZE = 8 << 20
MAC = '52:54:00:12:34:56'


def bench_script(url, check=False):
    """Downloads url FETCHES times between numbered markers (with the
    SHA-256 of each if check), then powers off; a run ends at the last
    marker (Debian's build has no poweroff command)."""
    fetch = ''.join('echo BENCH-START-%d\nimgfetch %s\necho BENCH-END-%d\n%s'
                    'imgfree big.bin\n' % (i, url, i, 'sha256sum big.bin\n' if check else '')
                    for i in range(FETCHES))
    return '#!ipxe\n' + fetch + 'poweroff\n'


# (our driver as PCI_DRIVER and the Features line name it, QEMU device)
MODELS = [
    ('virtio-net', 'virtio-net-pci'),
    ('e1000', 'e1000'),
    ('e1000e', 'e1000e'),
    ('rtl8139', 'rtl8139'),
    ('pcnet', 'pcnet'),
    ('vmxnet3', 'vmxnet3'),
    ('ne2k-pci', 'ne2k_pci'),
    ('eepro100', 'i82559er'),
]


class Candidate:
    """An image under test and how its console says what it did."""

    def __init__(self, key, label, image, first, dhcp, fail, prompt=None):
        self.key = key
        self.label = label
        self.image = image
        self.first = first		# the image's first console line
        self.dhcp = dhcp		# its DHCP success line
        self.fail = fail		# it gave up (or the firmware took over again)
        self.prompt = prompt	# (start, end) of a wait for a key, if any


# The image returned to the firmware before the end of the script.
FIRMWARE_AGAIN = r'BdsDxe: failed to start|UEFI Interactive Shell'


def candidates(image):
    # A failed autoboot opens our shell.
    ours = Candidate('wireboot', 'wireboot ipxe.efi', image, wbtest.BANNER,
                     r'DHCP \(net0 [^)]*\).* ok', FIRMWARE_AGAIN + '|wireboot> ')
    debian = Candidate('debian', 'Debian ipxe.efi', DEBIAN_IPXE_EFI,
                       r'iPXE initialising devices',
                       r'Configuring \(net0 [^)]*\)[. ]*ok',
                       r'No more network devices|' + FIRMWARE_AGAIN,
                       (r'Press Ctrl-B', r'net0: \S+ using'))
    return [ours] + ([debian] if os.path.exists(DEBIAN_IPXE_EFI) else [])


def boot_and_fetch(candidate, device, tftp, run, script='bench.ipxe'):
    """Autoboots candidate on one QEMU NIC whose DHCP boot file is the
    bench script (bench.ipxe by TFTP, bench-http.ipxe by HTTP); returns
    the times (seconds to DHCP, of the key prompt, of each download),
    DHCP's own figure and Debian's driver name."""
    name = 'bench-net-%s-%s-%s-%d' % (candidate.key, device, script.split('.')[0], run)
    try:
        return measure(candidate, device, tftp, name, script)
    except BenchFailure as e:
        raise BenchFailure('%s (bin-host/logs/%s.log)' % (e, name))


def measure(candidate, device, tftp, name, script):
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=%s' % (tftp, script),
            '-device', '%s,netdev=n0,mac=%s,romfile=' % (device, MAC)]
    with TimedMachine(name, esp=boot_esp(candidate.image), args=args) as vm:
        fail = candidate.fail
        _, first = await_marker(vm, candidate.first, 180, fail)
        result = {'prompt': None}
        if candidate.prompt:
            _, shown = await_marker(vm, candidate.prompt[0], 60, fail)
            _, gone = await_marker(vm, candidate.prompt[1], 60, fail)
            result['prompt'] = gone - shown
        dhcp, bound = await_marker(vm, candidate.dhcp, 120, fail)
        fetches = []
        for i in range(FETCHES):
            _, start = await_marker(vm, r'BENCH-START-%d\n' % i, 60, fail)
            _, end = await_marker(vm, r'BENCH-END-%d\n' % i, 120, fail)
            fetches.append(end - start)
        text = vm.text()
    for i in range(FETCHES):
        download = text[text.index('BENCH-START-%d\n' % i):text.index('BENCH-END-%d\n' % i)]
        if not re.search(r'big\.bin\.\.\.[^\n]* ok\n', download):
            raise BenchFailure('download failed: %s' %
                               download.strip().splitlines()[-1][-60:])
    own = re.search(r'DHCP \(net0 [^)]*\)\.* ok \((\d+\.\d+) s\)', text[dhcp.start():])
    driver = re.search(r'net0: \S+ using (\S+)', text)
    result.update(dhcp=bound - first, tftp=fetches,
                  own=float(own.group(1)) if own else None,
                  driver=driver.group(1) if driver else None)
    return result


def attempt(function, *args):
    """function's result, or the reason it failed (a BenchFailure's message)."""
    try:
        return function(*args)
    except BenchFailure as e:
        return str(e)


def seconds(value):
    return '%.3f s' % value if value is not None else '-'


def reported(runs):
    """The median of the DHCP times the image printed, as precise as it
    printed them."""
    own = median_or_none(r['own'] for r in runs)
    return '%.2f s' % own if own is not None else '-'


def good_runs(runs):
    """The measured runs among runs, and a note on the failed ones."""
    good = [r for r in runs if isinstance(r, dict)]
    failed = len(runs) - len(good)
    return good, (' (%d of %d runs failed)' % (failed, len(runs)) if failed else '')


def fetch_times(runs):
    return [t for r in runs for t in r['tftp']]


def bench_dhcp_and_tftp(images, tftp, window_note):
    """Tables 1 and 2; returns {candidate key: virtio-net runs}."""
    results = {}
    rows_dhcp, rows_tftp = [], []
    for candidate in images:
        runs = [attempt(boot_and_fetch, candidate, 'virtio-net-pci', tftp, i)
                for i in range(RUNS)]
        results[candidate.key] = runs
        good, note = good_runs(runs)
        if not good:
            rows_dhcp.append([candidate.label, runs[0]])
            rows_tftp.append([candidate.label, runs[0]])
            continue
        prompt = median_or_none(r['prompt'] for r in good)
        dhcp = median_or_none(r['dhcp'] for r in good)
        rows_dhcp.append([candidate.label, seconds(dhcp) + note, seconds(prompt),
                          seconds(dhcp - (prompt or 0)), reported(good)])
        times = fetch_times(good)
        rows_tftp.append([candidate.label, seconds(median_or_none(times)) + note,
                          '%s - %s' % (seconds(min(times)), seconds(max(times))),
                          mib_per_s(SIZE, median_or_none(times))])
    table('Image start to DHCP bound: virtio-net, OVMF/TCG, QEMU user networking '
          '(median of %d boots)' % RUNS,
          ['image', 'first line -> DHCP ok', 'of which key prompt', 'without prompt',
           'DHCP time the image reports'], rows_dhcp,
          ['first line: our banner, Debian\'s "iPXE initialising devices"; '
           'key prompt: Debian\'s "Press Ctrl-B" wait'])
    table('TFTP 8 MiB from QEMU\'s built-in server: virtio-net (median of %d '
          'downloads in %d boots)' % (FETCHES, RUNS),
          ['image', 'BENCH-START -> BENCH-END', 'range', 'throughput'], rows_tftp,
          ['QEMU\'s server granted our request (seen in a DEBUG=tftp build): ' +
           window_note])
    return results


def build_images(work):
    """ipxe.efi, a DEBUG=tftp build of it and the hosted program, made from
    a copy of the tree (the tree's own outputs may be anyone's debug build
    of the moment); returns their paths in work."""
    top, tree = scratch_tree('bench-net')
    try:
        images = []
        for name, target, options in (
                ('ipxe.efi', 'bin-x86_64-efi/ipxe.efi', []),
                ('ipxe-debug-tftp.efi', 'bin-x86_64-efi/ipxe.efi', ['DEBUG=tftp']),
                ('wireboot', 'bin-x86_64-linux/wireboot', [])):
            run_make(options + [target], cwd=tree)
            images.append(os.path.join(work, name))
            shutil.copy(os.path.join(tree, target), images[-1])
        return images
    finally:
        shutil.rmtree(top, ignore_errors=True)


def negotiated_options(debug_image, tftp):
    """What QEMU's TFTP server granted our request, read from the console
    of a DEBUG=tftp build (the release image does not say)."""
    args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=bench.ipxe' % tftp,
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
    try:
        with TimedMachine('bench-net-tftp-options', esp=boot_esp(debug_image),
                          args=args) as vm:
            await_marker(vm, r'BENCH-END-0\n', 300, r'UEFI Interactive Shell')
            text = vm.text()
    except BenchFailure as e:
        return 'unknown (%s)' % e
    options = re.search(r'TFTP big\.bin: blksize (\d+) windowsize (\d+)', text)
    if not options:
        return 'no options at all (no OACK): blksize 512, windowsize 1'
    blksize, window = options.groups()
    return 'blksize %s; windowsize %s' % (
        blksize, '%s' % window if window != '1' else 'not negotiated (1: lock-step)')


def image_features(image):
    """The features (drivers among them) an image of ours records, or None
    if util/wbinfo is not built."""
    wbinfo = os.path.join(wbtest.HOST_BIN, 'wbinfo')
    if not os.path.exists(wbinfo):
        return None
    out = subprocess.run([wbinfo, image], stdout=subprocess.PIPE, text=True).stdout
    features = re.search(r'features: ([^\n]*)', out)
    return set(features.group(1).split()) if features else set()


def bench_models(images, tftp, virtio):
    """Table 4: one boot per model and image (virtio-net's boots are
    those of table 2), the median of its downloads; table 5 likewise by
    HTTP from nginx on the host."""
    ours = images[0]
    available = image_features(ours.image)

    def cell(candidate, driver, device, protocol):
        if candidate is ours and available is not None and driver not in available:
            return 'not available'
        if protocol == 'tftp':
            runs = virtio[candidate.key] if device == 'virtio-net-pci' else \
                [attempt(boot_and_fetch, candidate, device, tftp, 0)]
        else:
            runs = [attempt(boot_and_fetch, candidate, device, tftp, 0, 'bench-http.ipxe')]
        good, note = good_runs(runs)
        if not good:
            return runs[0]
        text = mib_per_s(SIZE, median_or_none(fetch_times(good))) + note
        return text + (' [%s]' % good[0]['driver'] if good[0]['driver'] else '')

    rows = {'tftp': [], 'http': []}
    with tempfile.TemporaryDirectory(prefix='wireboot-bench-nginx-') as files:
        with Nginx(files, tftp) as server:
            with open(os.path.join(tftp, 'bench-http.ipxe'), 'w') as f:
                f.write(bench_script('http://10.0.2.2:%d/big.bin' % server.port))
            for driver, device in MODELS:
                for protocol, protocol_rows in rows.items():
                    protocol_rows.append(['%s (%s)' % (device, driver)] +
                                         [cell(c, driver, device, protocol) for c in images])
    notes = ['[name]: the driver Debian\'s iPXE names for net0; '
             'not available: no such driver in our image']
    table('Per-model TFTP throughput: 8 MiB from QEMU\'s built-in server (median of '
          '%d downloads in one boot)' % FETCHES,
          ['QEMU device (our driver)'] + [c.label for c in images], rows['tftp'],
          (['virtio-net: the %d boots of the table above' % RUNS
            if len(virtio[ours.key]) > 1 else 'virtio-net: one boot']
           if virtio.get(ours.key) else []) + notes)
    table('Per-model HTTP throughput: 8 MiB from nginx on the host through QEMU\'s '
          'user networking (median of %d downloads in one boot)' % FETCHES,
          ['QEMU device (our driver)'] + [c.label for c in images], rows['http'], notes)


# ---- hosted: window sizes against our own TFTP server --------------------------

HOSTED_LOG = os.path.join(wbtest.LOG_DIR, 'bench-net-hosted.log')


def timed_fetches(lab, protocols, url, timeout=120):
    """Runs the hosted program on bench_script(url); returns the seconds
    between each pair of markers (stamped as the output arrives) and the
    output."""
    script = os.path.join(lab.files, 'bench.ipxe')
    with open(script, 'w') as f:
        f.write(bench_script(url, check=True))
    argv = ['ip', 'netns', 'exec', lab.client_ns, protocols.PROGRAM, '--tap',
            protocols.TAP, '--ip', protocols.SUBNET + '.60/24', '--script', script]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    watchdog = threading.Timer(timeout, proc.kill)
    watchdog.start()
    stamps, output = {}, ''
    try:
        for line in proc.stdout:
            stamps[line.strip()] = time.monotonic()
            output += line
        proc.wait()
    finally:
        watchdog.cancel()
    with open(HOSTED_LOG, 'a') as f:
        f.write(output)
    try:
        return [stamps['BENCH-END-%d' % i] - stamps['BENCH-START-%d' % i]
                for i in range(FETCHES)], output
    except KeyError:
        raise BenchFailure('markers missing (exit status %d)' % proc.returncode)


WINDOWS = [(1, '?windowsize=1'), (4, '?windowsize=4'), (16, ''), (64, '?windowsize=64')]


def bench_windowsize(program):
    os.environ['WB_HOSTED_PROGRAM'] = program	# the Lab then builds nothing
    import hostedlab as protocols
    if os.path.exists(HOSTED_LOG):
        os.remove(HOSTED_LOG)
    rows = []
    try:
        with protocols.Lab('bench') as lab:
            root = os.path.join(lab.files, 'root')
            os.mkdir(root)
            digest = protocols.make_file(root, 'big.bin', SIZE)
            server = lab.add_server(protocols.SERVER)
            lab.tftp_server(server, protocols.SERVER, root)
            lab.tftp_log()
            for window, query in WINDOWS:
                label = '%d%s' % (window, '' if query else ' (our default)')
                try:
                    times, output = timed_fetches(
                        lab, protocols, 'tftp://%s/big.bin%s' % (protocols.SERVER, query))
                except BenchFailure as e:
                    rows.append([label, str(e)])
                    continue
                if output.count('%s  big.bin' % digest) != FETCHES:
                    rows.append([label, 'wrong or no SHA-256'])
                    continue
                requests = re.findall(r'^RRQ \S+ (.*)$', lab.tftp_log(), re.M)
                options = json.loads(requests[-1]) if requests else {}
                rows.append([label, '%s / %s' % (options.get('windowsize', '?'),
                                                 options.get('blksize', '?')),
                             seconds(median_or_none(times)),
                             '%s - %s' % (seconds(min(times)), seconds(max(times))),
                             mib_per_s(SIZE, median_or_none(times))])
    except wbtest.TestFailure as e:
        rows.append(['-', 'lab failed: %s' % str(e).splitlines()[0][:70]])
    table('TFTP windowsize: 8 MiB, hosted program over TAP against the TFTP server '
          'of tests/hosted (median of %d)' % FETCHES,
          ['windowsize', 'negotiated window / blksize', 'seconds', 'range', 'throughput'],
          rows)


def tftp_root(work):
    tftp = os.path.join(work, 'tftp')
    os.mkdir(tftp)
    with open(os.path.join(tftp, 'bench.ipxe'), 'w') as f:
        f.write(bench_script('tftp://10.0.2.2/big.bin'))
    with open(os.path.join(tftp, 'big.bin'), 'wb') as f:
        f.write(random.Random(8).randbytes(SIZE))
    return tftp


def main_models(names, image):
    """Only table 4, for the models named (our driver names), with the
    given image of ours: one model's figure while working on its driver."""
    global MODELS
    MODELS = [m for m in MODELS if m[0] in names]
    work = tempfile.mkdtemp(prefix='wireboot-bench-net-')
    try:
        tftp = tftp_root(work)
        images = candidates(image)
        virtio = {}
        if any(device == 'virtio-net-pci' for _, device in MODELS):
            virtio = {c.key: [attempt(boot_and_fetch, c, 'virtio-net-pci', tftp, 0)]
                      for c in images}
        bench_models(images, tftp, virtio)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) > 1:
        # network.py MODEL[,MODEL...] [IMAGE]: see main_models()
        return main_models(sys.argv[1].split(','), sys.argv[2] if len(sys.argv) > 2
                           else os.path.join(wbtest.BIN, 'ipxe.efi'))
    work = tempfile.mkdtemp(prefix='wireboot-bench-net-')
    try:
        image, debug_image, program = build_images(work)
        tftp = tftp_root(work)
        images = candidates(image)
        window_note = negotiated_options(debug_image, tftp)
        virtio = bench_dhcp_and_tftp(images, tftp, window_note)
        bench_windowsize(program)
        bench_models(images, tftp, virtio)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
