# SPDX-License-Identifier: GPL-2.0-or-later
"""I/O buffers in the sanitizer builds: a write one byte past the tailroom
and a use after free_iob() are stopped by AddressSanitizer, in the gcc
build (unit tests) and the clang build (as the fuzz targets use it).

bin-host/unit/misuse_iobuf{,-clang} (tests/unit/misuse_iobuf.c) commit one
misuse per run; each must die with the sanitizer's report of exactly that
misuse, at the place it happens, while the same accesses within bounds
run to the end.
"""
import os
import subprocess

import wbtest

PROGRAMS = ('misuse_iobuf', 'misuse_iobuf-clang')


def run(program, mode):
    path = os.path.join(wbtest.HOST_BIN, 'unit', program)
    wbtest.check(os.access(path, os.X_OK), '%s is not built' % path)
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0')
    return subprocess.run([path, mode], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors='replace',
                          timeout=60, env=env)


def expect_report(program, mode, kind, detail):
    proc = run(program, mode)
    report = proc.stdout
    wbtest.check(proc.returncode != 0 and 'ERROR: AddressSanitizer: ' + kind in report,
                 '%s %s: no AddressSanitizer %s report (exit %d):\n%s'
                 % (program, mode, kind, proc.returncode, report[-2000:]))
    wbtest.check(detail in report, '%s %s: report lacks "%s":\n%s'
                 % (program, mode, detail, report[-2000:]))
    # The first frames name the misuse, not the allocator.
    frames = [line for line in report.splitlines() if line.strip().startswith('#')][:3]
    wbtest.check(any('misuse_iobuf.c' in frame or 'iobuf.h' in frame for frame in frames),
                 '%s %s: report does not point at the misuse:\n%s'
                 % (program, mode, '\n'.join(frames)))


def test_within_bounds_runs_to_the_end():
    for program in PROGRAMS:
        proc = run(program, 'inbounds')
        wbtest.check(proc.returncode == 0 and 'inbounds: done' in proc.stdout,
                     '%s inbounds failed (exit %d):\n%s'
                     % (program, proc.returncode, proc.stdout[-2000:]))


def test_one_byte_past_the_tailroom_is_caught():
    for program in PROGRAMS:
        # 90 bytes of tailroom behind 10 reserved: the 101st byte of the
        # 100-byte buffer is the first one outside it.
        expect_report(program, 'overrun', 'heap-buffer-overflow',
                      '0 bytes to the right of 100-byte region')
        expect_report(program, 'overrun-net', 'heap-buffer-overflow',
                      '0 bytes to the right of')


def test_use_after_free_is_caught():
    for program in PROGRAMS:
        expect_report(program, 'use-after-free', 'heap-use-after-free', 'freed by thread')
        expect_report(program, 'descriptor-after-free', 'heap-use-after-free',
                      'freed by thread')
