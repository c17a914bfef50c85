# SPDX-License-Identifier: GPL-2.0-or-later
"""Certificates and TLS servers for the HTTPS tests, made at test time
with openssl: a test CA, server certificates (RSA or ECDSA, for given
names, valid for a given number of days), client certificates, and nginx
server blocks that listen with TLS (one protocol version each, several
names on one port told apart by SNI, optionally requiring a client
certificate), plus a signature-list file as the TlsCaCertificate variable
holds it, and openssl s_server for what nginx refuses to serve (RSA keys
below 2048 bits).
"""
import base64
import os
import struct
import subprocess

from wbtest import check

X509_GUID = bytes.fromhex('a159c0a5e494a74a87b5ab155c2bf072')


def openssl(args, cwd):
    proc = subprocess.run(['openssl'] + args, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    check(proc.returncode == 0, 'openssl %s:\n%s' % (' '.join(args), proc.stdout))
    return proc.stdout


def new_key(directory, name, kind, bits=2048):
    path = os.path.join(directory, name + '.key')
    if kind == 'ecdsa':
        openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256',
                 '-out', path], directory)
    else:
        openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:%d' % bits,
                 '-out', path], directory)
    return path


class TestCA:
    """A CA of its own in directory; issue() makes certificates it signs."""

    def __init__(self, directory, name='Wireboot Test CA', bits=2048):
        self.directory = directory
        self.name = name.replace(' ', '-')
        os.makedirs(directory, exist_ok=True)
        self.key = new_key(directory, self.name, 'rsa', bits)
        self.cert = os.path.join(directory, self.name + '.pem')
        openssl(['req', '-x509', '-key', self.key, '-out', self.cert, '-days', '30',
                 '-subj', '/CN=' + name,
                 '-addext', 'basicConstraints=critical,CA:TRUE',
                 '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], directory)
        self.serial = 1

    def der(self):
        with open(self.cert) as f:
            text = f.read()
        body = text.split('-----BEGIN CERTIFICATE-----')[1].split('-----END')[0]
        return base64.b64decode(''.join(body.split()))

    def issue(self, name, kind='rsa', days=2, client=False, start_days=0, bits=2048):
        """(certificate, key) paths for name (also its DNS name), valid
        for days from now, or (start_days) from that many days on; an RSA
        key of bits."""
        key = new_key(self.directory, name, kind, bits)
        csr = os.path.join(self.directory, name + '.csr')
        cert = os.path.join(self.directory, name + '.pem')
        ext = os.path.join(self.directory, name + '.ext')
        usage = 'digitalSignature' + (',keyEncipherment' if kind == 'rsa' else '')
        with open(ext, 'w') as f:
            if client:
                f.write('extendedKeyUsage=clientAuth\n')
            else:
                f.write('subjectAltName=DNS:%s\nextendedKeyUsage=serverAuth\n' % name)
            f.write('keyUsage=critical,%s\n' % usage)
        openssl(['req', '-new', '-key', key, '-out', csr, '-subj', '/CN=' + name],
                self.directory)
        self.serial += 1
        if start_days:
            self.sign_dated(csr, cert, ext, start_days, days)
        else:
            openssl(['x509', '-req', '-in', csr, '-CA', self.cert, '-CAkey', self.key,
                     '-set_serial', str(self.serial), '-out', cert, '-days', str(days),
                     '-extfile', ext], self.directory)
        return cert, key

    def sign_dated(self, csr, cert, ext, start_days, days):
        """Signs with openssl ca, the one signer that takes a start date."""
        import datetime
        db = os.path.join(self.directory, 'ca-db')
        os.makedirs(db, exist_ok=True)
        open(os.path.join(db, 'index.txt'), 'a').close()
        with open(os.path.join(db, 'serial'), 'w') as f:
            f.write('%04X\n' % (1000 + self.serial))
        conf = os.path.join(db, 'ca.cnf')
        with open(conf, 'w') as f:
            f.write('[ca]\ndefault_ca = tca\n[tca]\ndatabase = %s/index.txt\n'
                    'new_certs_dir = %s\nserial = %s/serial\ndefault_md = sha256\n'
                    'policy = any\nunique_subject = no\n[any]\ncommonName = supplied\n'
                    % (db, db, db))
        now = datetime.datetime.now(datetime.timezone.utc)
        start = now + datetime.timedelta(days=start_days)
        end = start + datetime.timedelta(days=days)
        openssl(['ca', '-batch', '-config', conf, '-cert', self.cert, '-keyfile', self.key,
                 '-in', csr, '-out', cert, '-notext', '-extfile', ext,
                 '-startdate', start.strftime('%Y%m%d%H%M%SZ'),
                 '-enddate', end.strftime('%Y%m%d%H%M%SZ')], self.directory)


def signature_list(ders):
    """The EFI_SIGNATURE_LIST sequence of X.509 entries (one list each)."""
    out = b''
    for der in ders:
        out += X509_GUID + struct.pack('<III', 28 + 16 + len(der), 0, 16 + len(der))
        out += bytes(16) + der
    return out


def tls_server(port, names, root, protocols='TLSv1.3', extra=''):
    """An nginx server block on port (a number, or "address:port") with
    TLS: names is a list of (server name, certificate, key); the first
    is the default."""
    blocks = []
    for i, (name, cert, key) in enumerate(names):
        blocks.append('''
    server {
        listen %s ssl%s;
        server_name %s;
        ssl_certificate %s;
        ssl_certificate_key %s;
        ssl_protocols %s;
        root %s;
        %s
    }''' % (port, ' default_server' if i == 0 else '', name, cert, key,
            protocols, root, extra))
    return ''.join(blocks)


def weak_tls_server(lab, namespace, address, port, cert, key, chain=None):
    """openssl s_server on address:port with cert and key, at security
    level 0 so that it serves RSA-1024 (nginx, like the system's
    OpenSSL, refuses to load such a key); chain: a CA certificate to send
    after cert."""
    argv = ['openssl', 's_server', '-accept', '%s:%d' % (address, port), '-cert', cert,
            '-key', key, '-cipher', 'DEFAULT:@SECLEVEL=0', '-www', '-quiet']
    if chain:
        argv += ['-cert_chain', chain]
    lab.spawn(namespace, argv, 's_server-%d' % port)
    lab.wait_listening(namespace, port, lab.processes[-1], 'openssl s_server')


def https_boot_lab(lab, root, script, cert, host='boot.tls.test'):
    """Sets up a netlab.QemuLab for booting over HTTPS: in its server
    namespace, dnsmasq gives DHCP (script, written into root, as the boot
    file) and DNS (host is the server), atftpd serves root by TFTP, and
    nginx serves it by HTTP on port 80 and by HTTPS on 443 with cert (a
    TestCA.issue() pair). Returns QEMU's arguments for a virtio-net NIC on
    the lab, with virtio-rng (TLS needs an entropy source), and the Nginx."""
    from hostedlab import SERVER
    from nginxlab import Nginx
    with open(os.path.join(root, 'https.ipxe'), 'w') as f:
        f.write(script)
    server = lab.add_server(SERVER)
    lab.dnsmasq(server, 'dhcp', ['--port=53', '--address=/%s/%s' % (host, SERVER)] +
                lab.dhcp_args('https.ipxe'))
    lab.atftpd(server, root)
    web = Nginx(lab.files, root, address=None, port=80,
                servers=tls_server(443, [(host,) + cert], root),
                prefix=['ip', 'netns', 'exec', server]).start()
    lab.processes.append(web.process)
    lab.wait_listening(server, 443, web.process, 'nginx:\n' + web.error_log())
    return lab.netdev_args('n0') + ['-device', 'virtio-net-pci,netdev=n0,romfile=',
                                    '-device', 'virtio-rng-pci'], web
