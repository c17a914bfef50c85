# SPDX-License-Identifier: GPL-2.0-or-later
"""The layering of the source tree (see the design notes): cmd -> usr ->
net/core; net -> core; drivers -> core (bus/DMA interface only); never
upward. Each rule reads the sources (comments and strings removed) and
names every offending file:line.

- net and drivers include no firmware (EFI) header, no platform header and
  no host header our tree does not provide (the C library of the firmware
  is src/include; the compiler adds only the freestanding headers);
- core includes nothing of the user level (usr/) or the commands (cmd/);
- only the user level waits: net, core and drivers never call the wait
  primitives of usr/jobwait.h nor run the main loop (step());
- drivers include no protocol header except net/ethernet.h (constants).

The rules take the tree to check as an argument, so that they can be shown
to catch what they are meant to on a scratch copy.
"""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import ROOT, check  # noqa: E402

# What the compiler itself brings under -ffreestanding (C11 section 4).
FREESTANDING = {'float.h', 'iso646.h', 'limits.h', 'stdalign.h', 'stdarg.h',
                'stdbool.h', 'stddef.h', 'stdint.h', 'stdnoreturn.h'}
EFI_HEADERS = re.compile(r'^(efi/|wireboot/efi[^/]*\.h$)')
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]', re.M)
# A call of name: not a member (->step, .step) and not a longer name.
CALL = r'(?<![\w.>])%s[ \t]*\('


TOKENS = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip_comments(text):
    """The text with comments and string/character literals blanked, line
    numbers kept (so that a mention in prose is no violation); the file
    name of an #include "..." stays."""
    def replace(match):
        token = match.group(0)
        if token.startswith('"') and _in_include(text, match.start()):
            return token
        return re.sub(r'[^\n]', ' ', token)
    return TOKENS.sub(replace, text)


def _in_include(text, pos):
    line_start = text.rfind('\n', 0, pos) + 1
    return re.match(r'[ \t]*#[ \t]*include\b', text[line_start:pos]) is not None


def sources(tree, *dirs):
    """(path relative to tree, text without comments) of every C source
    and header under the given directories of src/."""
    for top in dirs:
        base = os.path.join(tree, 'src', top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(('.c', '.h')):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding='utf-8', errors='replace') as f:
                        yield os.path.relpath(path, tree), strip_comments(f.read())


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def includes(text):
    """(line, quote, name) of each #include."""
    for match in INCLUDE.finditer(text):
        yield line_of(text, match.start()), match.group(1), match.group(2).strip()


def resolve(tree, rel, quote, name):
    """Where the firmware build finds an included header (its -I order:
    the including file's directory for quotes, src/include, src, the
    architecture's include directories), or None."""
    candidates = []
    if quote == '"':
        candidates.append(os.path.join(tree, os.path.dirname(rel), name))
    candidates.append(os.path.join(tree, 'src', 'include', name))
    candidates.append(os.path.join(tree, 'src', name))
    arch = os.path.join(tree, 'src', 'arch')
    if os.path.isdir(arch):
        for each in sorted(os.listdir(arch)):
            candidates.append(os.path.join(arch, each, 'include', name))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return os.path.relpath(os.path.normpath(candidate), tree)
    return None


def report(violations, rule):
    check(not violations, '%s:\n  %s' % (rule, '\n  '.join(violations)))


def each_include(tree, *dirs):
    """(where, line, name, resolved path or '') of every #include in the
    sources of the given directories."""
    for rel, text in sources(tree, *dirs):
        for line, quote, name in includes(text):
            yield '%s:%d' % (rel, line), name, resolve(tree, rel, quote, name) or ''


def under(path, *parts):
    return path.startswith(os.path.join('src', *parts) + os.sep)


def firmware_and_host_includes(tree):
    found = []
    for where, name, path in each_include(tree, 'net', 'drivers'):
        if EFI_HEADERS.match(name):
            found.append('%s: includes the firmware header %s' % (where, name))
        elif not path and name not in FREESTANDING:
            found.append('%s: includes %s, which the tree does not provide '
                         '(a host header)' % (where, name))
        elif under(path, 'platform'):
            found.append('%s: includes the platform header %s' % (where, path))
    return found


def core_upward_includes(tree):
    found = []
    for where, name, path in each_include(tree, 'core'):
        if name.startswith('usr/') or under(path, 'include', 'usr') or under(path, 'usr'):
            found.append('%s: core includes the user level (%s)' % (where, name))
        elif name.startswith('cmd/') or under(path, 'cmd'):
            found.append('%s: core includes a command (%s)' % (where, name))
    return found


def wait_primitives(tree):
    """The functions usr/jobwait.h declares (the wait primitives)."""
    path = os.path.join(tree, 'src', 'include', 'usr', 'jobwait.h')
    with open(path, encoding='utf-8') as f:
        text = strip_comments(f.read())
    names = re.findall(r'^[ \t]*(?:[A-Za-z_][\w \t]*[\s*])([a-z_]\w*)[ \t]*\([^;{]*\)[ \t]*;',
                       text, re.M)
    return sorted(set(names))


def waits_below_user_level(tree):
    names = wait_primitives(tree) + ['step']
    found = []
    for rel, text in sources(tree, 'net', 'core', 'drivers'):
        for name in names:
            for match in re.finditer(CALL % re.escape(name), text):
                before = text[text.rfind('\n', 0, match.start()) + 1:match.start()]
                # The main loop's own definition (core/process.c).
                if name == 'step' and re.search(r'\bvoid[ \t]+$', before):
                    continue
                found.append('%s:%d: calls %s(): only the user level (src/usr/) waits'
                             % (rel, line_of(text, match.start()), name))
    return found


def drivers_protocol_includes(tree):
    found = []
    for where, name, path in each_include(tree, 'drivers'):
        protocol = name.startswith('net/') or under(path, 'include', 'net') or under(path, 'net')
        if protocol and name != 'net/ethernet.h':
            found.append('%s: a driver includes the protocol header %s' % (where, name))
    return found


def test_layers_net_and_drivers_know_no_firmware_or_host():
    report(firmware_and_host_includes(ROOT),
           'src/net and src/drivers must not include EFI, platform or host headers')


def test_layers_core_knows_no_usr_or_cmd():
    report(core_upward_includes(ROOT), 'src/core must not include src/usr or src/cmd')


def test_layers_only_usr_waits():
    # The rule is only as good as the list it reads.
    names = wait_primitives(ROOT)
    check('job_wait' in names and 'job_wait_step' in names,
          'usr/jobwait.h declares %s: job_wait and job_wait_step expected' % names)
    report(waits_below_user_level(ROOT),
           'src/net, src/core and src/drivers must not wait or run the main loop')


def test_layers_drivers_know_no_protocols():
    report(drivers_protocol_includes(ROOT),
           'src/drivers must not include protocol headers other than net/ethernet.h')
