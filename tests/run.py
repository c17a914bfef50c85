#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs every wireboot test and ends with the line "N passed, N failed".

Kinds of test, all expected to be built already (make check builds them):
  unit    bin-host/unit/test_*      host programs with sanitizers; exit 0 = pass
  fuzz    bin-host/fuzz/fuzz_*      libFuzzer targets, each run for a while
  python  tests/<suite>/test_*.py   every function test_*(); raising = fail

Usage: tests/run.py [--fuzz-seconds N] [--jobs N] [--suite NAME] [PATTERN...]
A PATTERN (substring) selects tests by name, e.g. "qemu" or "test_pe".
--suite NAME runs only the python tests of tests/NAME/; the suites in
SEPARATE_SUITES run only that way (make check-packaging).
"""
import argparse
import concurrent.futures
import glob
import importlib.util
import os
import re
import subprocess
import sys
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'lib'))
import wbtest  # noqa: E402

# Suites with a make target of their own, left out of make check: the
# package builds of tests/packaging/ take minutes each.
SEPARATE_SUITES = ('packaging',)


def unit_tests():
    for path in sorted(glob.glob(os.path.join(ROOT, 'bin-host', 'unit', 'test_*'))):
        if os.path.isfile(path) and os.access(path, os.X_OK):
            yield 'unit/' + os.path.basename(path), lambda p=path: run_program([p], 300)


def fuzz_tests(seconds):
    for path in sorted(glob.glob(os.path.join(ROOT, 'bin-host', 'fuzz', 'fuzz_*'))):
        if os.path.isfile(path) and os.access(path, os.X_OK):
            name = 'fuzz/' + os.path.basename(path)
            yield name, lambda p=path: run_fuzzer(p, seconds)


def python_tests(only_suite=None):
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests', '*', 'test_*.py'))):
        suite = os.path.basename(os.path.dirname(path))
        if suite != only_suite and (only_suite or suite in SEPARATE_SUITES):
            continue
        module_name = '%s_%s' % (suite, os.path.basename(path)[:-3])
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for attr in sorted(dir(module)):
            if attr.startswith('test_') and callable(getattr(module, attr)):
                yield '%s/%s' % (suite, attr), getattr(module, attr)


def run_program(argv, timeout):
    # Programs under test may print what they were fed: never fail on it.
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors='replace', timeout=timeout)
    if proc.returncode != 0:
        raise wbtest.TestFailure('exit status %d:\n%s' %
                                 (proc.returncode, proc.stdout[-4000:]))


def write_seeds(target, corpus):
    """Writes the seeds tests/fuzz/seeds/<target>.py generates (valid
    inputs, so that a short run gets past checksums) into the corpus."""
    generator = os.path.join(ROOT, 'tests', 'fuzz', 'seeds', target + '.py')
    if not os.path.isfile(generator):
        return
    if os.path.dirname(generator) not in sys.path:
        sys.path.insert(0, os.path.dirname(generator))
    spec = importlib.util.spec_from_file_location('seeds_' + target, generator)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.seeds():
        with open(os.path.join(corpus, 'seed-' + name), 'wb') as seed:
            seed.write(data)


def run_fuzzer(path, seconds):
    """Runs a libFuzzer target on its corpus. What it finds goes to
    bin-host/fuzz-artifacts/<target>/ (libFuzzer's default is the current
    directory), and a finding fails the test naming the file."""
    target = os.path.basename(path)
    corpus = os.path.join(ROOT, 'bin-host', 'fuzz-corpus', target)
    artifacts = os.path.join(ROOT, 'bin-host', 'fuzz-artifacts', target)
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    write_seeds(target, corpus)
    before = set(os.listdir(artifacts))
    # Run inside the artifact directory too: any other file the target
    # writes stays out of the tree.
    proc = subprocess.run([path, '-max_total_time=%d' % seconds, '-timeout=10',
                           '-rss_limit_mb=2048', '-print_final_stats=0',
                           '-artifact_prefix=' + artifacts + os.sep, corpus],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors='replace', timeout=seconds + 120,
                          cwd=artifacts)
    if proc.returncode != 0:
        found = re.findall(r'written to (\S+)', proc.stdout)
        found += [os.path.join(artifacts, name)
                  for name in sorted(set(os.listdir(artifacts)) - before)]
        found = sorted(set(os.path.abspath(name) for name in found))
        raise wbtest.TestFailure('%s failed (exit status %d), input: %s\n%s' %
                                 (target, proc.returncode,
                                  ', '.join(found) or 'none written',
                                  proc.stdout[-4000:]))


def run_one(name, function):
    start = time.monotonic()
    try:
        function()
        return name, True, '', time.monotonic() - start
    except wbtest.TestFailure as failure:
        return name, False, str(failure), time.monotonic() - start
    except Exception:  # a broken test is a failed test, with its traceback
        return name, False, traceback.format_exc(), time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--fuzz-seconds', type=int, default=10)
    parser.add_argument('--jobs', type=int, default=2)
    parser.add_argument('--suite')
    parser.add_argument('patterns', nargs='*')
    options = parser.parse_args()

    if options.suite:
        tests = list(python_tests(options.suite))
    else:
        tests = list(unit_tests()) + list(python_tests()) + \
            list(fuzz_tests(options.fuzz_seconds))
    if options.patterns:
        tests = [t for t in tests if any(p in t[0] for p in options.patterns)]

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        futures = [pool.submit(run_one, name, fn) for name, fn in tests]
        for future in concurrent.futures.as_completed(futures):
            name, ok, reason, seconds = future.result()
            if ok:
                passed += 1
                print('PASS %-50s %6.1fs' % (name, seconds), flush=True)
            else:
                failed += 1
                print('FAIL %-50s %6.1fs' % (name, seconds), flush=True)
                print('     ' + reason.replace('\n', '\n     '), flush=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed or not tests else 0


if __name__ == '__main__':
    sys.exit(main())
