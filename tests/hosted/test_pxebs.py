# SPDX-License-Identifier: GPL-2.0-or-later
"""PXE boot server discovery of the hosted program against dnsmasq in a
namespace, serving a lease and a PXE boot menu (--pxe-service with
--pxe-prompt, so the offer names no file and the client must ask the boot
server on port 4011): "pxebs net0 <type>" fills the pxebs settings scope,
whose boot file then comes by TFTP; a type nobody serves fails with a
clear timeout; "show pxebs/" lists the scope."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import SERVER, SUBNET, Lab, make_file, read_text  # noqa: E402

# dnsmasq numbers the services given a boot file name from 32768 up, in
# the order given.
FIRST_TYPE = 32768


def pxe_server(lab, root, prompt, services):
    """dnsmasq leasing addresses with a boot menu of services (text, boot
    file) and serving root by TFTP; returns its log."""
    server = lab.add_server(SERVER)
    _, log = lab.dnsmasq(server, lab.name, [
        '--port=0', '--no-ping', '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET),
        '--pxe-prompt=' + prompt] +
        ['--pxe-service=X86-64_EFI,%s,%s' % service for service in services] +
        ['--enable-tftp', '--tftp-root=' + root])
    return log


def test_pxebs_boot_server_discovery():
    with Lab('pxebs') as lab:
        root = lab.files + '/pxeroot'
        os.mkdir(root)
        digest = make_file(root, 'second.efi', 50000)
        make_file(root, 'first.efi', 1000)
        log = pxe_server(lab, root, 'Choose,3', [('First entry', 'first.efi'),
                                                 ('Second entry', 'second.efi')])
        started = time.monotonic()
        status, output = lab.wireboot(
            'dhcp net0\n'
            'pxebs net0 %d\n' % (FIRST_TYPE + 1) +
            'echo pxebs ${pxebs/filename} ${pxebs/next-server}\n'
            'show pxebs/\n'
            'imgfetch --name boot tftp://${pxebs/next-server}/${pxebs/filename}\n'
            'sha256sum boot\n'
            'pxebs net0 4242 || echo unserved failed\n'
            'echo still ${pxebs/filename}\n')
        elapsed = time.monotonic() - started
        served = read_text(log)
        check(status == 0, 'exit status %d:\n%s\n%s' % (status, output, served))
        check('pxebs second.efi %s\n' % SERVER in output,
              'no pxebs settings:\n%s\n%s' % (output, served))
        check('pxebs/filename = second.efi' in output and
              'pxebs/next-server = %s' % SERVER in output,
              'show pxebs/ does not list the scope:\n' + output)
        check('%s  boot' % digest in output, 'wrong or no digest:\n' + output)
        # dnsmasq turns broadcast off and lists servers by type: nobody
        # is asked for a type it does not list.
        check('Could not find a boot server of type 4242 on net0' in output and
              'no boot server of type 4242 is listed' in output and
              'unserved failed' in output, 'no clear failure:\n' + output)
        # The failed discovery leaves the last answer in place.
        check('still second.efi' in output, output)
        # dnsmasq saw the boot item we asked for.
        check('second.efi' in served, served)
        check(elapsed < 25, 'took %.1f s' % elapsed)


def test_pxebs_timeout():
    """A lease with no PXE options: discovery is broadcast, nobody
    answers, and it gives up after its back-off (1 + 2 + 4 s) with a
    timeout that names the type."""
    with Lab('pxebsnone') as lab:
        server = lab.add_server(SERVER)
        lab.dnsmasq(server, 'plain', [
            '--port=0', '--no-ping', '--dhcp-range=%s.50,%s.99,1h' % (SUBNET, SUBNET),
            '--dhcp-boot=lease.efi'])
        started = time.monotonic()
        status, output = lab.wireboot(
            'dhcp net0\n'
            'pxebs 7 || echo pxebs failed\n'
            'echo done\n', timeout=40)
        elapsed = time.monotonic() - started
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('Could not find a boot server of type 7 on net0: Connection '
              'timed out (ETIMEDOUT' in output and
              'no boot server of type 7 answered' in output and
              'pxebs failed\ndone' in output, 'no clear timeout:\n' + output)
        check(6 < elapsed < 20, 'took %.1f s' % elapsed)


def test_autoboot_pxe_menu():
    """autoboot with a PXE menu instead of a boot file: the prompt counts
    down its timeout (1 s), the first item is taken, boot server discovery
    names its file, and that script is fetched by TFTP and run."""
    with Lab('pxemenu') as lab:
        root = lab.files + '/menuroot'
        os.mkdir(root)
        with open(os.path.join(root, 'menu.ipxe'), 'w') as f:
            f.write('#!ipxe\necho booted ${pxebs/filename} from ${pxebs/next-server}\n')
        log = pxe_server(lab, root, 'Press F8 for the menu,1',
                         [('Menu script', 'menu.ipxe'), ('Other', 'other.efi')])
        started = time.monotonic()
        status, output = lab.wireboot('autoboot\n')
        elapsed = time.monotonic() - started
        check(status == 0, 'exit status %d:\n%s' % (status, output))
        check('Press F8 for the menu (1)' in output and
              'Menu script\n' in output, 'no prompt:\n' + output)
        check('booted menu.ipxe from %s' % SERVER in output,
              'the menu file did not run:\n%s\n%s' % (output, read_text(log)))
        check(elapsed < 15, 'took %.1f s' % elapsed)
