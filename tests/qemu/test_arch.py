# SPDX-License-Identifier: GPL-2.0-or-later
"""Network boot on the other architectures, end to end: ipxe.efi under
AAVMF (qemu-system-aarch64 -M virt) and under 32-bit OVMF gets an address
by DHCP, fetches the architecture's test program by TFTP and chain-loads it
with arguments (which name the architecture and the driver that carried
the traffic), on virtio-net and on e1000. The arm64 virtio-net run boots
from the ISO on a virtual CD; the DHCP requests captured from the wire
carry the architecture's PXE client identity. AAVMF's own PXE boots the
test program through the thin virtio-net ROM's SNP.

Lean by design: TCG emulation of aarch64 is slow, so each image is booted
once and every check is made on that run's console and capture.
"""
import os
import re
import shutil
import struct
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import archtest  # noqa: E402
from wbtest import BANNER, Machine, boot_esp, check  # noqa: E402

MAC = '52:54:00:12:34:56'
# RFC 4578 client architecture (option 93) and the PXE vendor class.
CLIENT_ARCH = {'arm64': 11, 'i386': 6}
MEMORY = {'arm64': 512, 'i386': 256}
DHCP_DISCOVER = 1


def dhcp_client_options(pcap):
    """Options 93 and 60 of the first DHCPDISCOVER in a pcap capture (as
    QEMU's filter-dump writes: Ethernet frames)."""
    with open(pcap, 'rb') as f:
        data = f.read()
    offset = 24
    while offset + 16 <= len(data):
        length = struct.unpack_from('<I', data, offset + 8)[0]
        frame = data[offset + 16:offset + 16 + length]
        offset += 16 + length
        if len(frame) < 14 + 20 + 8 + 240 or frame[12:14] != b'\x08\x00' or frame[23] != 17:
            continue
        ip_len = (frame[14] & 0x0f) * 4
        udp = 14 + ip_len
        if struct.unpack_from('>H', frame, udp + 2)[0] != 67:
            continue
        bootp = frame[udp + 8:]
        if bootp[236:240] != b'\x63\x82\x53\x63':
            continue
        options, i = {}, 240
        while i + 1 < len(bootp) and bootp[i] != 255:
            if bootp[i] == 0:
                i += 1
                continue
            options[bootp[i]] = bootp[i + 2:i + 2 + bootp[i + 1]]
            i += 2 + bootp[i + 1]
        if options.get(53) == bytes([DHCP_DISCOVER]):
            return options
    raise AssertionError('no DHCPDISCOVER in the capture')


def chain_boot(arch, nic, chip, media='esp'):
    """Boots ipxe.efi (its embedded script: dhcp, chain the test program
    with arguments) with one NIC; returns (console, DHCP options sent)."""
    state = archtest.builds()
    work = tempfile.mkdtemp(prefix='wireboot-arch-')
    try:
        tftp = os.path.join(work, 'tftp')
        os.mkdir(tftp)
        shutil.copy(state['testprog'][arch], tftp)
        pcap = os.path.join(work, 'dhcp.pcap')
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % tftp,
                '-object', 'filter-dump,id=dump0,netdev=n0,file=' + pcap,
                '-device', '%s,netdev=n0,mac=%s,romfile=' % (nic, MAC)]
        esp = None
        if media == 'iso':
            args += ['-device', 'virtio-scsi-pci,id=scsi0',
                     '-drive', 'if=none,id=cd,media=cdrom,readonly=on,format=raw,file='
                     + state['iso'][arch],
                     '-device', 'scsi-cd,drive=cd,bootindex=0']
        else:
            esp = boot_esp(state['image'][arch], arch)
        name = 'arch-%s-%s-%s' % (arch, nic, media)
        with Machine(name, esp=esp, args=args, arch=arch, memory=MEMORY[arch]) as vm:
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: '
                        r'\[arch=%s chip=%s mac=%s\]\n' % (arch, chip, MAC), 300)
            vm.wait_exit(60)
            text = vm.text()
        banner = re.search(BANNER, text)
        check(banner and banner.group(2) == 'ipxe', 'no ipxe banner:\n%s' % text[-2000:])
        check(re.search(r'tftp://10\.0\.2\.2/testprog\.efi\.\.\. ok', text),
              'the test program was not fetched by our TFTP:\n%s' % text[-2000:])
        return text, dhcp_client_options(pcap)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_pxe_identity(arch, options):
    want = CLIENT_ARCH[arch]
    check(options.get(93) == struct.pack('>H', want),
          '%s: DHCP client architecture (option 93) %r, want %d' % (arch, options.get(93), want))
    vendor = 'PXEClient:Arch:%05d:UNDI:003000' % want
    check(options.get(60) == vendor.encode(),
          '%s: DHCP vendor class %r, want %r' % (arch, options.get(60), vendor))


def test_arm64_iso_from_cd_virtio_net_dhcp_tftp_chain():
    _, options = chain_boot('arm64', 'virtio-net-pci', 'virtio-net', media='iso')
    check_pxe_identity('arm64', options)


def test_arm64_e1000_dhcp_tftp_chain():
    chain_boot('arm64', 'e1000', 'e1000')


def test_i386_virtio_net_dhcp_tftp_chain():
    _, options = chain_boot('i386', 'virtio-net-pci', 'virtio-net')
    check_pxe_identity('i386', options)


def test_i386_e1000_dhcp_tftp_chain():
    chain_boot('i386', 'e1000', 'e1000')


def test_arm64_thin_rom_aavmf_pxe_boots_over_our_snp():
    state = archtest.builds()
    work = tempfile.mkdtemp(prefix='wireboot-arch-pxe-')
    try:
        shutil.copy(state['testprog']['arm64'], work)
        args = ['-netdev', 'user,id=n0,tftp=%s,bootfile=testprog.efi' % work,
                '-device', 'virtio-net-pci,netdev=n0,mac=%s,romfile=%s,bootindex=0'
                % (MAC, state['thin_rom']['arm64'])]
        with Machine('arch-arm64-thin-rom-pxe', args=args, arch='arm64',
                     memory=MEMORY['arm64']) as vm:
            vm.wait_for(r'WIREBOOT-TESTPROG: started', 300)
            vm.wait_exit(60)
            text = vm.text()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    # Our SNP's debug output proves that our driver, not AAVMF's
    # VirtioNetDxe, ran the NIC that AAVMF's PXE booted from.
    check(re.search(r'SNP net0: initialize: No error', text),
          "AAVMF did not initialize our SNP:\n%s" % text[-3000:])
    check(not re.search(BANNER, text), 'a thin ROM ran our stack:\n%s' % text[-3000:])
