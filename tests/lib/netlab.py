# SPDX-License-Identifier: GPL-2.0-or-later
"""A lab network for a QEMU guest: hostedlab's Lab (a namespace with a
bridge and a TAP, servers in namespaces of their own on the bridge) with
the frame relay (relay.py) between QEMU's dgram netdev and the TAP.

QEMU runs in the root namespace and sends its frames as UDP datagrams on
127.0.0.1; the relay binds its UDP socket there, then enters the lab's
namespace and attaches the TAP, so the guest's NIC reaches dnsmasq,
atftpd and nginx in the lab through the relay's faults.

    with QemuLab('name', relay=dict(drop=0.02, seed=1)) as lab:
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'dhcp', lab.dhcp_args(boot_file='x.ipxe'))
        lab.atftpd(server, root)
        Machine(..., args=lab.netdev_args() + ['-device', 'virtio-net-pci,netdev=n0'])
"""
import contextlib
import os

from hostedlab import SERVER, SUBNET, Lab, make_file
from relay import Relay
from wbtest import LOG_DIR

__all__ = ['QemuLab', 'SERVER', 'SUBNET', 'download_lab']


class QemuLab(Lab):
    """relay: the relay's faults (see relay.py); {} or None relays clean."""

    def __init__(self, name, relay=None):
        super().__init__(name, relay=dict(relay or {}))

    def build(self):
        pass        # no hosted program here

    def make_relay(self, tap, **faults):
        return Relay(tap, netns=self.client_ns, log_dir=LOG_DIR,
                     name='netlab-%s-relay' % self.name, **faults)

    def netdev_args(self, netdev_id='n0'):
        """QEMU's -netdev to the relay (its own port: any free one; the
        relay learns it from the first frame)."""
        return ['-netdev', 'dgram,id=%s,local.type=inet,local.host=127.0.0.1,'
                'local.port=0,remote.type=inet,remote.host=127.0.0.1,'
                'remote.port=%d' % (netdev_id, self.relay.port)]

    @staticmethod
    def dhcp_args(boot_file=None, next_server=SERVER):
        """dnsmasq options for leases on the lab's subnet (and DNS for the
        names given with --address=...), the boot file on next_server."""
        args = ['--no-ping', '--dhcp-range=%s.100,%s.150,1h' % (SUBNET, SUBNET),
                '--dhcp-option=option:router,%s' % SERVER,
                '--dhcp-option=option:dns-server,%s' % SERVER]
        if boot_file:
            args.append('--dhcp-boot=%s,,%s' % (boot_file, next_server))
        return args


@contextlib.contextmanager
def download_lab(name, faults, size, script, http=False):
    """A QemuLab for a download through the relay: a file big.bin of size
    pseudo-random bytes and the boot script (DHCP's boot file, by TFTP)
    in its root, dnsmasq and atftpd on the server (nginx too, with http).
    Yields (lab, SHA-256 of big.bin, QEMU's -netdev/-device arguments for
    a virtio-net NIC without option ROM)."""
    with QemuLab(name, relay=faults) as lab:
        root = os.path.join(lab.files, 'root')
        os.mkdir(root)
        digest = make_file(root, 'big.bin', size)
        with open(os.path.join(root, 'boot.ipxe'), 'w') as f:
            f.write(script)
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'dhcp', ['--port=0'] + lab.dhcp_args('boot.ipxe'))
        lab.atftpd(server, root)
        if http:
            lab.nginx(server, root)
        yield lab, digest, lab.netdev_args('n0') + [
            '-device', 'virtio-net-pci,netdev=n0,romfile=']
