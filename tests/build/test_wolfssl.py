# SPDX-License-Identifier: GPL-2.0-or-later
"""wolfSSL's way into the build: util/fetch-wolfssl derives deb-src entries
from the machine's apt sources and fetches Debian's source package through
a private apt configuration; a clean tree fetches it by itself; WOLFSSL_SRC
points at a given tree; a tree older than 5.5.4 or not a wolfSSL tree is
refused; every image records the version."""
import importlib.machinery
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check, run_make, scratch_tree, wolfssl_tree  # noqa: E402


def fetch_module():
    path = os.path.join(ROOT, 'util', 'fetch-wolfssl')
    loader = importlib.machinery.SourceFileLoader('fetch_wolfssl', path)
    spec = importlib.util.spec_from_loader('fetch_wolfssl', loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_deb_src_entries_derived_from_apt_sources():
    fetch = fetch_module()
    etc = tempfile.mkdtemp(prefix='wireboot-apt-')
    try:
        os.makedirs(os.path.join(etc, 'sources.list.d'))
        with open(os.path.join(etc, 'sources.list.d', 'main.sources'), 'w') as f:
            f.write('Types: deb\n# a comment\nURIs: http://archive.invalid/debian\n'
                    'Suites: stable stable-updates\nComponents: main\n'
                    'Signed-By: /usr/share/keyrings/example.gpg\n\n'
                    'Types: deb\nURIs: http://disabled.invalid/\nSuites: x\n'
                    'Components: main\nEnabled: no\n\n'
                    'Types: deb-src\nURIs: http://src-only.invalid/\nSuites: y\n'
                    'Components: main\n')
        with open(os.path.join(etc, 'sources.list'), 'w') as f:
            f.write('# comment\ndeb [signed-by=/k.gpg] http://list.invalid/debian stable main\n'
                    'deb-src http://list.invalid/debian stable main\n')
        stanzas, lines = fetch.derived_sources(etc)
        check(len(stanzas) == 1, 'expected one derived stanza, got %r' % stanzas)
        check(stanzas[0].startswith('Types: deb-src\n'), stanzas[0])
        for field in ('URIs: http://archive.invalid/debian', 'Suites: stable stable-updates',
                      'Components: main', 'Signed-By: /usr/share/keyrings/example.gpg'):
            check(field in stanzas[0], '%r lost from %r' % (field, stanzas[0]))
        check(lines == ['deb-src [signed-by=/k.gpg] http://list.invalid/debian stable main'],
              'one-line entries: %r' % lines)
    finally:
        shutil.rmtree(etc, ignore_errors=True)


def apt_config_state():
    """Every file of the machine's apt configuration with its size and
    modification time (its lists may change: others run apt-get update)."""
    state = {}
    for top, _, files in os.walk('/etc/apt'):
        for name in files:
            path = os.path.join(top, name)
            info = os.lstat(path)
            state[path] = (info.st_size, info.st_mtime_ns)
    return state


def test_clean_tree_fetches_wolfssl_and_records_version():
    top, tree = scratch_tree('wolfssl-fetch')
    try:
        apt_config = apt_config_state()
        out = run_make(['bin-x86_64-efi/randtest.efi', 'bin-host/wbinfo'], cwd=tree,
                       env={'WOLFSSL_SRC': ''}).stdout
        check('FETCH' in out, 'no fetch step in a clean tree:\n' + out[-2000:])
        with open(os.path.join(tree, 'bin-host', 'deps', 'wolfssl.dir')) as f:
            name = f.read().strip()
        match = re.fullmatch(r'wolfssl-(\S+)', name)
        check(match, 'unexpected tree name %r' % name)
        version = match.group(1)
        check(os.path.exists(os.path.join(tree, 'bin-host', 'deps', name, 'debian', 'patches')),
              'the fetched tree has no Debian patches')
        info = subprocess.run([os.path.join(tree, 'bin-host', 'wbinfo'),
                               os.path.join(tree, 'bin-x86_64-efi', 'randtest.efi')],
                              stdout=subprocess.PIPE, text=True).stdout
        check('built with: wolfssl %s' % version in info, 'wbinfo output:\n' + info)
        check(apt_config_state() == apt_config, 'the machine\'s apt configuration changed')
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_wolfssl_src_refuses_old_or_foreign_trees():
    top, tree = scratch_tree('wolfssl-old')
    try:
        bad = run_make(['bin-x86_64-efi/ipxe.efi'], cwd=tree, expect_ok=False,
                       env={'WOLFSSL_SRC': top}).stdout
        check('not a wolfSSL source tree' in bad, 'a foreign tree was not refused:\n' + bad[-800:])

        old = os.path.join(top, 'wolfssl-old')
        source = wolfssl_tree()
        check(source, 'no wolfSSL tree in this build to copy')
        shutil.copytree(source, old, symlinks=True)
        changelog = os.path.join(old, 'debian', 'changelog')
        with open(changelog) as f:
            text = f.read()
        with open(changelog, 'w') as f:
            f.write(re.sub(r'^wolfssl \([^)]*\)', 'wolfssl (5.5.3-1)', text, count=1))
        bad = run_make(['bin-x86_64-efi/ipxe.efi'], cwd=tree, expect_ok=False,
                       env={'WOLFSSL_SRC': old}).stdout
        check('wolfSSL 5.5.3-1' in bad and 'older than 5.5.4' in bad,
              'an old wolfSSL was not refused:\n' + bad[-800:])
    finally:
        shutil.rmtree(top, ignore_errors=True)
