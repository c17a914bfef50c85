# SPDX-License-Identifier: GPL-2.0-or-later
"""The fuzz runner of tests/run.py: a target that crashes fails the run,
the failure names the input it wrote, and that input lands under
bin-host/fuzz-artifacts/<target>/, never in the source tree.

The crashing target is a tiny libFuzzer program compiled here, in a
temporary directory, so nothing of it is part of the tree.
"""
import importlib.util
import os
import shutil
import subprocess
import tempfile

import wbtest

# Crashes on every input (libFuzzer first runs the empty one).
CRASHER = r'''
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	(void)data;
	(void)size;
	abort();
}
'''

TARGET = 'fuzz_wbh_runner_crashes'


def load_runner():
    path = os.path.join(wbtest.ROOT, 'tests', 'run.py')
    spec = importlib.util.spec_from_file_location('wireboot_run', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree_files():
    return set(os.listdir(wbtest.ROOT)) | set(os.listdir(os.getcwd()))


def test_crash_fails_with_artifact_path_under_bin_host():
    runner = load_runner()
    top = tempfile.mkdtemp(prefix='wbh-fuzz-runner-')
    artifacts = os.path.join(wbtest.HOST_BIN, 'fuzz-artifacts', TARGET)
    corpus = os.path.join(wbtest.HOST_BIN, 'fuzz-corpus', TARGET)
    try:
        source = os.path.join(top, 'crasher.c')
        with open(source, 'w') as f:
            f.write(CRASHER)
        program = os.path.join(top, TARGET)
        subprocess.run(['clang', '-g', '-fsanitize=fuzzer', source, '-o', program],
                       check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        before = tree_files()
        try:
            runner.run_fuzzer(program, 5)
        except wbtest.TestFailure as failure:
            message = str(failure)
        else:
            raise wbtest.TestFailure('a crashing fuzz target passed')
        first = message.splitlines()[0]
        wbtest.check(TARGET in first and 'input: ' + artifacts + os.sep + 'crash-' in first,
                     'the failure does not name the crash input under %s:\n%s'
                     % (artifacts, message[:2000]))
        written = first.split('input: ', 1)[1].split(', ')
        wbtest.check(all(os.path.isfile(path) for path in written),
                     'the named inputs do not exist: %s' % written)
        stray = sorted(name for name in tree_files() - before
                       if name.startswith(('crash-', 'leak-', 'timeout-', 'oom-')))
        wbtest.check(not stray, 'fuzz artifacts in the tree: %s' % stray)
    finally:
        shutil.rmtree(top, ignore_errors=True)
        shutil.rmtree(artifacts, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)


def source_files():
    """The tree's files: git's list in a checkout, else every file outside
    the build outputs (an unpacked release)."""
    if os.path.exists(os.path.join(wbtest.ROOT, '.git')):
        return subprocess.run(['git', 'ls-files'], cwd=wbtest.ROOT, check=True,
                              stdout=subprocess.PIPE, text=True).stdout.split()
    files = []
    for top, dirs, names in os.walk(wbtest.ROOT):
        dirs[:] = [d for d in dirs if not (top == wbtest.ROOT and d.startswith('bin-'))]
        files += [os.path.relpath(os.path.join(top, name), wbtest.ROOT) for name in names]
    return files


def test_no_fuzz_artifacts_tracked():
    tracked = source_files()
    found = [path for path in tracked if os.path.basename(path).startswith(
        ('crash-', 'leak-', 'timeout-', 'oom-', 'slow-unit-'))]
    wbtest.check(not found, 'fuzz artifacts committed: %s' % found)
