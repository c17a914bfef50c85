# SPDX-License-Identifier: GPL-2.0-or-later
"""Operating-system fixtures for boot tests, made at test time: Debian's
cloud kernel, its generic kernel with NIC driver modules, signed network
GRUB and shim (apt-get download into bin-host/fixtures/, unpacked with
dpkg-deb, never committed), a busybox initramfs whose /init prints the
kernel command line and the files a test injected, then powers off, and
a network initramfs (net_initramfs()) whose /init loads a NIC's Linux
driver, takes a DHCP lease and downloads a file over that NIC."""
import fcntl
import glob
import gzip
import io
import os
import shutil
import struct
import subprocess

from wbtest import HOST_BIN, TestFailure, check

FIXTURES = os.path.join(HOST_BIN, 'fixtures')
BUSYBOX = '/bin/busybox'

# The marker lines the init prints, for tests to match.
INIT_SCRIPT = '''#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys
/bin/busybox mount -t proc proc /proc
echo "WIREBOOT-INIT: cmdline: $(/bin/busybox cat /proc/cmdline)"
for f in $(/bin/busybox find /injected -type f 2>/dev/null | /bin/busybox sort); do
  echo "WIREBOOT-INIT: file $f ($(/bin/busybox stat -c %a $f)): $(/bin/busybox cat $f)"
done
echo "WIREBOOT-INIT: done"
/bin/busybox poweroff -f
'''


def _apt_download(package, pattern, parts=()):
    """The unpacked tree of package (fetched once), checked to hold pattern;
    parts (tar wildcards such as './boot/*'), when given, are all of the
    package that is unpacked."""
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, '.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        tree = os.path.join(FIXTURES, package)
        found = glob.glob(os.path.join(tree, pattern))
        if found:
            return found[0]
        debs = glob.glob(os.path.join(FIXTURES, package + '_*.deb'))
        if not debs:
            proc = subprocess.run(['apt-get', 'download', package], cwd=FIXTURES,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=600)
            debs = glob.glob(os.path.join(FIXTURES, package + '_*.deb'))
            if proc.returncode != 0 or not debs:
                raise TestFailure('apt-get download %s failed:\n%s'
                                  % (package, proc.stdout[-2000:]))
        # Unpacked aside and renamed, so that an interrupted run leaves no
        # tree that looks complete.
        part = tree + '.part'
        shutil.rmtree(part, ignore_errors=True)
        os.makedirs(part)
        if parts:
            subprocess.run(['sh', '-c', 'deb=$1; dir=$2; shift 2; '
                            'dpkg-deb --fsys-tarfile "$deb" | tar -x --wildcards -C "$dir" "$@"',
                            'sh', debs[0], part] + list(parts), check=True)
        else:
            subprocess.run(['dpkg-deb', '-x', debs[0], part], check=True)
        shutil.rmtree(tree, ignore_errors=True)
        os.rename(part, tree)
        found = glob.glob(os.path.join(tree, pattern))
        check(found, '%s has no %s' % (package, pattern))
        return found[0]


def kernel_package(meta='linux-image-cloud-amd64'):
    """The real package behind a kernel metapackage."""
    proc = subprocess.run(['apt-cache', 'depends', meta],
                          stdout=subprocess.PIPE, text=True, check=True)
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith('Depends: linux-image-'):
            return line.split(':', 1)[1].strip()
    raise TestFailure('%s depends on no kernel:\n%s' % (meta, proc.stdout))


def kernel():
    return _apt_download(kernel_package(), 'boot/vmlinuz-*')


# The cloud kernel has no e1000 driver, so NIC tests boot the generic one.
# Of its 400 MB only the kernel and the network and virtio modules are
# unpacked.
NET_KERNEL = 'linux-image-amd64'
NET_KERNEL_PARTS = ('./boot/*', './lib/modules/*/kernel/drivers/net/*',
                    './lib/modules/*/kernel/drivers/virtio/*',
                    './lib/modules/*/kernel/net/core/*')


def net_kernel():
    """The generic kernel, whose package net_initramfs() takes modules from."""
    return _apt_download(kernel_package(NET_KERNEL), 'boot/vmlinuz-*', NET_KERNEL_PARTS)


def grub_net():
    return _apt_download('grub-efi-amd64-signed',
                         'usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed')


def shim():
    return _apt_download('shim-signed', 'usr/lib/shim/shimx64.efi.signed')


def cpio_newc(entries):
    """A cpio newc archive of (name, mode, data) entries, with its trailer."""
    out = io.BytesIO()
    for ino, (name, mode, data) in enumerate(entries + [('TRAILER!!!', 0, b'')], 1):
        encoded = name.encode() + b'\0'
        header = b'070701' + b''.join(b'%08x' % v for v in (
            ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(encoded), 0))
        out.write(header + encoded)
        out.write(b'\0' * (-out.tell() % 4))
        out.write(data)
        out.write(b'\0' * (-out.tell() % 4))
    return out.getvalue()


def initramfs():
    """The gzip-compressed test initramfs, padded to a multiple of 4 bytes
    so that an archive concatenated after it starts aligned."""
    with open(BUSYBOX, 'rb') as f:
        busybox = f.read()
    archive = cpio_newc([
        ('bin', 0o40755, b''),
        ('bin/busybox', 0o100755, busybox),
        ('init', 0o100755, INIT_SCRIPT.encode()),
    ])
    data = gzip.compress(archive, mtime=0)
    return data + b'\0' * (-len(data) % 4)


def _modinfo(path):
    """The .modinfo section of a kernel module (ELF64): {key: value}."""
    with open(path, 'rb') as f:
        elf = f.read()
    check(elf[:5] == b'\x7fELF\x02', '%s is no 64-bit ELF file' % path)
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', elf, 0x3a)

    def section(index):
        name, _, _, _, offset, size = struct.unpack_from('<IIQQQQ', elf,
                                                         shoff + index * shentsize)
        return name, elf[offset:offset + size]

    names = section(shstrndx)[1]
    for index in range(shnum):
        name, data = section(index)
        if names[name:names.index(b'\0', name)] == b'.modinfo':
            pairs = (entry.split(b'=', 1) for entry in data.split(b'\0') if b'=' in entry)
            return {key.decode(): value.decode() for key, value in pairs}
    raise TestFailure('%s has no .modinfo section' % path)


def modules_in_load_order(kernel_tree, names):
    """The module files of names and of everything they depend on, each
    after its dependencies: the order modules.dep gives modprobe. The
    package has no modules.dep (depmod writes it at installation), so the
    dependencies come from each module's "depends=", the modules whose
    symbols it uses as the kernel's build recorded them."""
    index = {}
    for path in glob.glob(os.path.join(kernel_tree, 'lib', 'modules', '*', 'kernel',
                                       '**', '*.ko'), recursive=True):
        index[os.path.basename(path)[:-3].replace('-', '_')] = path
    order = []

    def visit(name):
        check(name in index, 'the kernel package has no module %s' % name)
        if index[name] in order:
            return
        for dependency in filter(None, _modinfo(index[name]).get('depends', '').split(',')):
            visit(dependency.replace('-', '_'))
        order.append(index[name])

    for name in names:
        visit(name)
    return order


# The network init. Its parameters come from the kernel command line
# (unknown name=value parameters are the init's environment):
#   wbnic=0xVVVV:0xDDDD  the NIC, by PCI vendor and device;
#   wbregs=R,...         registers to print before any Linux driver binds,
#                        each BAR:OFFSET:BITS, where BAR "vc" is the BAR
#                        and offset of the virtio common configuration;
#   wbport=N             the HTTP server's port on 10.0.2.2 (the host);
#   wbfile=NAME          the file to fetch from it and print the SHA-256 of.
NET_INIT_SCRIPT = r'''#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
say() { echo "WIREBOOT-INIT: $*"; }
cfg() { hexdump -s $(($1)) -n $2 -e "1/$2 \"%u\"" $nic/config; }
for d in /sys/bus/pci/devices/*; do
  [ "$(cat $d/vendor):$(cat $d/device)" = "$wbnic" ] && nic=$d
done
[ -n "$nic" ] || { say "no PCI device $wbnic"; poweroff -f; }
say "pci $wbnic command $(printf 0x%04x $(cfg 4 2))"
# The virtio common configuration: vendor capability (9) of type 1.
cap=$(cfg 0x34 1)
while [ "$cap" != 0 ]; do
  if [ $(cfg $cap 1) = 9 ] && [ $(cfg $((cap + 3)) 1) = 1 ]; then
    vcbar=$(cfg $((cap + 4)) 1)
    vcoff=$(cfg $((cap + 8)) 4)
  fi
  cap=$(cfg $((cap + 1)) 1)
done
for r in $(echo $wbregs | tr , " "); do
  bar=${r%%:*}; rest=${r#*:}; off=${rest%%:*}; bits=${rest#*:}
  [ "$bar" = vc ] && { bar=$vcbar; off=$((vcoff + off)); }
  base=$(sed -n "$((bar + 1))p" $nic/resource | cut -d" " -f1)
  say "register $r $(devmem $(printf 0x%x $((base + off))) $bits)"
done
say "loading $(cat /lib/modules/order | tr "\n" " ")"
for m in $(cat /lib/modules/order); do
  insmod /lib/modules/$m || say "insmod $m failed"
done
for i in 1 2 3 4 5 6 7 8 9 10; do
  [ -e /sys/class/net/eth0 ] && break
  sleep 1
done
say "eth0 driver $(basename $(readlink /sys/class/net/eth0/device/driver))"
ip link set eth0 up
if udhcpc -i eth0 -n -q -t 10 -T 2 -s /udhcpc.sh; then
  wget -q -O /tmp/file http://10.0.2.2:$wbport/$wbfile && \
    say "download $(sha256sum /tmp/file)"
else
  say "no DHCP lease"
fi
say "done"
poweroff -f
'''

# udhcpc's hook: configures the lease and reports it.
UDHCPC_SCRIPT = r'''#!/bin/busybox sh
case "$1" in
bound|renew)
  ifconfig $interface $ip netmask $subnet up
  echo "WIREBOOT-INIT: lease $ip from $serverid router $router"
  ;;
esac
'''


def net_initramfs(modules):
    """A gzip-compressed initramfs with busybox, the generic kernel's
    modules named (with their dependencies) and the network init."""
    order = modules_in_load_order(os.path.dirname(os.path.dirname(net_kernel())), modules)
    with open(BUSYBOX, 'rb') as f:
        entries = [('bin', 0o40755, b''), ('bin/busybox', 0o100755, f.read()),
                   ('init', 0o100755, NET_INIT_SCRIPT.encode()),
                   ('udhcpc.sh', 0o100755, UDHCPC_SCRIPT.encode()),
                   ('lib', 0o40755, b''), ('lib/modules', 0o40755, b'')]
    for path in order:
        with open(path, 'rb') as f:
            entries.append(('lib/modules/' + os.path.basename(path), 0o100644, f.read()))
    entries.append(('lib/modules/order', 0o100644,
                    ''.join(os.path.basename(p) + '\n' for p in order).encode()))
    return gzip.compress(cpio_newc(entries), mtime=0)


def uki(kernel_path, initrd, cmdline, path):
    """Writes to path a unified kernel image: systemd's EFI stub (Debian's
    systemd-boot-efi) with the kernel, initrd (bytes) and command line as
    sections, which a firmware boots as one EFI program with no loader
    and no load options."""
    stub = _apt_download('systemd-boot-efi', 'usr/lib/systemd/boot/efi/linuxx64.efi.stub')
    top = os.path.dirname(path)
    sections = {'.osrel': b'ID=wireboot-test\n', '.cmdline': cmdline.encode(),
                '.initrd': initrd}
    args = []
    # Section addresses above the stub's own, with room for the kernel.
    for name, address in (('.osrel', 0x20000), ('.cmdline', 0x30000),
                          ('.linux', 0x2000000), ('.initrd', 0x3000000)):
        source = kernel_path
        if name in sections:
            source = os.path.join(top, 'uki' + name)
            with open(source, 'wb') as f:
                f.write(sections[name])
        args += ['--add-section', '%s=%s' % (name, source),
                 '--change-section-vma', '%s=0x%x' % (name, address)]
    check(os.path.getsize(kernel_path) < 0x1000000, 'the kernel does not fit its UKI section')
    subprocess.run(['objcopy'] + args + [stub, path], check=True)
