# SPDX-License-Identifier: GPL-2.0-or-later
"""Jobs end when a person says so, and scripts configure the network
themselves (ipxe.efi under OVMF):

- Ctrl-C on the serial console cancels a download from a TFTP server that
  has stopped answering within a second: "Operation canceled", and the
  script goes on along its "||" branch.
- A script sets a static address and chain-loads a file without DHCP.
"""
import os
import shutil
import socket
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import BIN, Machine, autoexec_esp, check  # noqa: E402


class StallingTftpServer:
    """On 127.0.0.1 (10.0.2.2 to the guest): answers a read request with
    one block, then never again."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(('127.0.0.1', 0))
        self.port = self.sock.getsockname()[1]
        self.served = threading.Event()
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        self.sock.settimeout(0.2)
        while not self.stop:
            try:
                msg, client = self.sock.recvfrom(2048)
            except socket.timeout:
                continue
            if msg[:2] == b'\0\1' and not self.served.is_set():
                # Plain RFC 1350: the first 512 bytes, and then silence.
                self.sock.sendto(struct.pack('!HH', 3, 1) + b'x' * 512, client)
                self.served.set()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join(2)
        self.sock.close()


def test_ctrl_c_cancels_a_stalled_tftp_download():
    top = tempfile.mkdtemp(prefix='wireboot-cancel-')
    try:
        with StallingTftpServer() as server:
            esp = autoexec_esp(top, (
                'dhcp\n'
                'imgfetch tftp://10.0.2.2:%d/stalls.bin || echo FETCH-ENDED\n'
                'poweroff\n') % server.port)
            args = ['-netdev', 'user,id=n0',
                    '-device', 'virtio-net-pci,netdev=n0,romfile=']
            with Machine('cancel-tftp', esp=esp, args=args, serial_input=True) as vm:
                vm.wait_for(r'tftp://10\.0\.2\.2:\d+/stalls\.bin\.\.\.', timeout=180)
                check(server.served.wait(60), 'the guest never asked for the file')
                # The server is silent now; the client keeps retrying.
                time.sleep(1.5)
                sent = time.monotonic()
                vm.send(b'\x03')
                vm.wait_for(r'stalls\.bin\.\.\.[^\n]*Operation canceled\n', timeout=10)
                latency = time.monotonic() - sent
                vm.wait_for(r'FETCH-ENDED\n', timeout=10)
                vm.wait_exit(60)
        check(latency < 1.0, 'Ctrl-C took %.2f s to cancel' % latency)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_static_address_script_without_dhcp():
    top = tempfile.mkdtemp(prefix='wireboot-static-')
    try:
        root = os.path.join(top, 'tftp')
        os.makedirs(root)
        shutil.copy(os.path.join(BIN, 'testprog.efi'), root)
        esp = autoexec_esp(top, (
            'set net0/ip 10.0.2.77\n'
            'set net0/netmask 255.255.255.0\n'
            'set net0/gateway 10.0.2.2\n'
            'echo STATIC ${net0/ip} ${net0/netmask}\n'
            'chain tftp://10.0.2.2/testprog.efi static-args\n'))
        args = ['-netdev', 'user,id=n0,tftp=' + root,
                '-device', 'virtio-net-pci,netdev=n0,romfile=']
        with Machine('static-address', esp=esp, args=args) as vm:
            vm.wait_for(r'STATIC 10\.0\.2\.77 255\.255\.255\.0\n', timeout=180)
            vm.wait_for(r'WIREBOOT-TESTPROG: started, load options: \[static-args\]\n',
                        timeout=120)
            vm.wait_exit(60)
            check('DHCP' not in vm.text(), 'DHCP ran:\n' + vm.tail())
    finally:
        shutil.rmtree(top, ignore_errors=True)
