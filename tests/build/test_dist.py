# SPDX-License-Identifier: GPL-2.0-or-later
"""make dist: the source tarball of a commit.

Bit-identical for one commit, whichever clone and whenever it is made;
sorted, owned by 0:0, every mtime the commit date, gzip without name or
time; holding exactly the committed files plus the version record; and a
build from the unpacked tarball (no .git) names the commit's version.
"""
import gzip
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
sys.path.insert(0, os.path.dirname(__file__))
from wbtest import ROOT, check, clean_env, read, run_make  # noqa: E402
from test_glob_targets import clean_clone  # noqa: E402


def git(*args, cwd=ROOT):
    return subprocess.run(['git'] + list(args), cwd=cwd, stdout=subprocess.PIPE,
                          text=True, check=True, env=clean_env()).stdout.strip()


def make_dist(tree):
    """Runs make dist in tree; returns the tarball's path."""
    out = run_make(['dist'], cwd=tree).stdout
    tarballs = re.findall(r'^(bin-dist/\S+\.tar\.gz)$', out, re.M)
    check(len(tarballs) == 1, 'make dist did not name one tarball:\n' + out)
    return os.path.join(tree, tarballs[0])


def test_dist_tarball_is_reproducible_and_complete():
    top, tree = clean_clone('dist-a')
    other_top, other = clean_clone('dist-b-in-a-longer-directory')
    try:
        first = make_dist(tree)
        time.sleep(1.1)  # a wall-clock time anywhere would now differ
        again = read(make_dist(tree))
        check(read(first) == again, 'two make dist runs in one clone differ')
        check(read(make_dist(other)) == again, 'make dist differs between two clones')

        commit = git('rev-parse', '--short=8', 'HEAD')
        epoch = int(git('log', '-1', '--format=%ct', 'HEAD'))
        name = 'wireboot-0.1.0+g%s' % commit
        check(os.path.basename(first) == name + '.tar.gz',
              'tarball is named %s, expected %s.tar.gz' % (os.path.basename(first), name))
        raw = read(first)
        # gzip header: no file name flag (FNAME, 0x08), mtime zero.
        check(raw[3] & 0x08 == 0 and raw[4:8] == b'\0\0\0\0',
              'the gzip header records a name or a time')

        with tarfile.open(first) as tar:
            members = tar.getmembers()
            names = [m.name for m in members]
            check(names == sorted(names), 'tarball members are not in name order')
            for m in members:
                check(m.uid == 0 and m.gid == 0 and m.uname in ('', 'root')
                      and m.gname in ('', 'root'), '%s is owned by %s:%s (%s:%s)'
                      % (m.name, m.uid, m.gid, m.uname, m.gname))
                check(m.mtime == epoch, '%s has mtime %d, not the commit date %d'
                      % (m.name, m.mtime, epoch))
            files = sorted(n[len(name) + 1:] for n, m in zip(names, members) if m.isfile())
            tracked = sorted(git('ls-files', cwd=tree).splitlines())
            check(files == sorted(tracked + ['dist.mk']),
                  'tarball files differ from the commit\'s:\n  extra %s\n  missing %s'
                  % (sorted(set(files) - set(tracked)), sorted(set(tracked) - set(files))))
            record = tar.extractfile(name + '/dist.mk').read().decode()
            check('DIST_GITVERSION := %s\n' % commit in record
                  and 'DIST_SOURCE_DATE_EPOCH := %d\n' % epoch in record,
                  'dist.mk does not record the commit and its date:\n' + record)
            spec = tar.extractfile(name + '/packaging/rpm/wireboot.spec').read().decode()
            check('%%global wb_gitversion %s\n' % commit in spec,
                  'the spec in the tarball does not name the commit')
            changelog = tar.extractfile(name + '/packaging/debian/changelog').read().decode()
            check(changelog.startswith('wireboot (0.1.0+g%s)' % commit),
                  'the Debian changelog in the tarball does not name the commit')
        with gzip.open(first) as f:
            check(f.read(1), 'the tarball does not decompress')
    finally:
        shutil.rmtree(top, ignore_errors=True)
        shutil.rmtree(other_top, ignore_errors=True)


def test_build_from_tarball_names_the_commit():
    top, tree = clean_clone('dist-build')
    unpacked = tempfile.mkdtemp(prefix='wireboot-unpacked-')
    try:
        tarball = make_dist(tree)
        with tarfile.open(tarball) as tar:
            tar.extractall(unpacked)
        source = os.path.join(unpacked, os.path.basename(tarball)[:-len('.tar.gz')])
        check(not os.path.exists(os.path.join(source, '.git')), 'the tarball holds .git')
        outputs = ['bin-x86_64-efi/ipxe.efi', 'bin-x86_64-efi/ipxe.iso']
        run_make(outputs + ['bin-host/wbinfo'], cwd=source)
        commit = git('rev-parse', '--short=8', 'HEAD')
        out = subprocess.run([os.path.join(source, 'bin-host', 'wbinfo'),
                              os.path.join(source, outputs[0])],
                             stdout=subprocess.PIPE, text=True).stdout
        check('wireboot 0.1.0+g%s,' % commit in out,
              'a build from the tarball does not name commit %s: %s' % (commit, out))
        # The version and the date (media are stamped with the commit's)
        # are those of a build from git: the outputs are the same bytes.
        run_make(outputs, cwd=tree)
        for output in outputs:
            check(read(os.path.join(source, output)) == read(os.path.join(tree, output)),
                  '%s from the tarball differs from %s from git' % (output, output))
        # Not a git checkout: make dist refuses clearly.
        bad = run_make(['dist'], cwd=source, expect_ok=False)
        check(bad.returncode != 0 and 'not a git checkout' in bad.stdout,
              'make dist outside git did not fail clearly:\n' + bad.stdout[-800:])
    finally:
        shutil.rmtree(top, ignore_errors=True)
        shutil.rmtree(unpacked, ignore_errors=True)
