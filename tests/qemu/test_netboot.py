# SPDX-License-Identifier: GPL-2.0-or-later
"""Network boot in the full application, end to end under OVMF: virtio-net
driven by our own driver (transitional device and modern-only), and
snponly.efi through the firmware's SNP, each getting an address by DHCP,
downloading 8 MiB by TFTP with the right SHA-256 and chain-loading the test
program with arguments."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
import nictest  # noqa: E402


def test_virtio_net_transitional_dhcp_tftp_chain():
    nictest.check_dhcp_tftp_and_chain('virtio-net', 'virtio-net-pci')


def test_virtio_net_modern_only_dhcp_tftp_chain():
    nictest.check_dhcp_tftp_and_chain('virtio-net', 'virtio-net-pci,disable-legacy=on')


def test_snponly_dhcp_tftp_chain_through_firmware_snp():
    nictest.check_dhcp_tftp_and_chain('snp', 'virtio-net-pci', image='snponly')
