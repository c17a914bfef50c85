# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared support for the sections of make bench (tests/bench.d/*.py):
tables in the style of tests/bench.py, the peers' images, and host-side
timing of console markers in QEMU runs.

A benchmark reports a failure of one candidate in its table cell and goes
on with the others; BenchFailure carries the reason for that cell.
"""
import bisect
import os
import re
import statistics
import time

from wbtest import ANSI_ESCAPE, Machine

DEBIAN_IPXE_EFI = '/usr/lib/ipxe/ipxe.efi'


class BenchFailure(Exception):
    """One measurement could not be made; the message fits a table cell."""


def table(title, header, rows, notes=()):
    """Prints rows under header, columns aligned, then notes (one line
    each) that explain the figures. A short row (a failure's reason) is
    padded with empty cells."""
    print('\n== %s' % title)
    rows = [list(row) + [''] * (len(header) - len(row)) for row in rows]
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    for row in [header] + rows:
        print('  ' + '  '.join(str(cell).ljust(width)
                               for cell, width in zip(row, widths)).rstrip())
    for note in notes:
        print('  ' + note)


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def mib_per_s(size, seconds):
    return '%.2f MiB/s' % (size / (1 << 20) / seconds)


def process_cpu_seconds(pid):
    """User and system CPU time of process pid so far (None once it is
    gone): on a loaded machine a steadier measure than the wall clock."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


class TimedMachine(Machine):
    """A Machine that notes when each piece of console output arrived, and
    QEMU's CPU time then, so that a marker's time does not depend on how
    often anyone looks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # (length of output after a chunk, its time, QEMU's CPU seconds)
        self.arrivals = []

    def _read(self):
        while True:
            chunk = self.process.stdout.read1(65536)
            now = time.monotonic()
            cpu = process_cpu_seconds(self.process.pid)
            if not chunk:
                break
            with self.lock:
                self.output += chunk
                self.arrivals.append((len(self.output), now - self.started, cpu))
            self.log.write(chunk)
            self.log.flush()

    def arrival(self, regex, cpu=False):
        """Seconds since QEMU started when the output first matched regex
        (which it does now); with cpu, QEMU's CPU seconds by then."""
        with self.lock:
            raw, arrivals = self.output, list(self.arrivals)

        def matched(index):
            clean = ANSI_ESCAPE.sub(b'', raw[:arrivals[index][0]]).replace(b'\r', b'')
            return regex.search(clean.decode('utf-8', 'replace')) is not None
        # Matching a longer prefix never loses a match: bisect for the first.
        first = bisect.bisect_left(range(len(arrivals)), True, key=matched)
        return arrivals[min(first, len(arrivals) - 1)][2 if cpu else 1]


def await_marker(vm, pattern, timeout, fail=None):
    """Waits until vm's (a TimedMachine) console shows pattern; returns
    (match, seconds since QEMU started when the output that completed the
    match arrived). Raises BenchFailure on timeout, on QEMU's exit, or as
    soon as the console shows fail (a regex) without pattern."""
    regex = re.compile(pattern)
    failure = re.compile(fail) if fail else None
    deadline = time.monotonic() + timeout
    while True:
        match = regex.search(vm.text())
        if match:
            return match, vm.arrival(regex)
        text = vm.text()
        found = failure.search(text) if failure else None
        if found:
            # The line before the firmware's says why, more often than not.
            before = [line for line in text[:found.start()].splitlines() if line.strip()]
            raise BenchFailure('failed: "%s"' % (before[-1].strip()[-70:] if before
                                                 else found.group(0)))
        if vm.process.poll() is not None:
            # The reader may still hold the last output.
            vm.reader.join(5)
            match = regex.search(vm.text())
            if match:
                return match, vm.arrival(regex)
            raise BenchFailure('QEMU exited before /%s/' % pattern)
        if time.monotonic() > deadline:
            raise BenchFailure('no /%s/ within %d s' % (pattern, timeout))
        time.sleep(0.02)
