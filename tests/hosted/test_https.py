# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTPS, seen from outside: the hosted program fetches from nginx with
TLS, certificates made at test time by a CA of the test's own
(tests/lib/tlslab.py), names resolved by dnsmasq:

- TLS 1.3-only and TLS 1.2-only servers, each with an RSA and an ECDSA
  certificate for two names on one address (SNI picks the certificate);
  16 MiB by SHA-256; http -> https and https -> http redirects; one TLS
  connection serving several requests;
- the CA from the TlsCaCertificate variable (a signature list file, the
  hosted program's stand-in for the firmware variable) instead of
  certstore; certstat lists it; certfree by fingerprint takes the
  run-time CA away again;
- a server that requires a client certificate, with and without CERT=
  and PRIVKEY=;
- refusals with their reason and no hang: weak keys (an RSA-1024 server
  certificate, a chain whose trusted CA is RSA-1024; openssl s_server,
  as nginx will not serve them), an untrusted CA, a wrong host
  name (and a wildcard for one label only: *.wild matches one.wild, not
  a.b.wild), an expired certificate (the clock moved on with --clock-offset)
  and one not yet valid, a server with no cipher suite in common (its
  alert named), a server that closes during the handshake, plain HTTP on
  the HTTPS port, garbage bytes;
- nginx stopped in the middle of a throttled HTTPS transfer and started
  again: the transfer resumes (Range) and completes;
- no entropy source (--no-entropy, as on a machine where none works):
  random_bytes() fails and gives no bytes, HTTPS refuses at once saying
  so, so does a name lookup (its id is random); plain HTTP still works.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check, relinked_build  # noqa: E402
from hostedlab import PROGRAM, SERVER, SUBNET, Lab, make_file, read_text  # noqa: E402
from nginxlab import Nginx  # noqa: E402
from tlslab import TestCA, signature_list, tls_server, weak_tls_server  # noqa: E402

CLIENT_ARGS = {0: ['--ip', '%s.60/24,%s,%s' % (SUBNET, SERVER, SERVER)]}
NAMES = ('www.tls.test', 'ecdsa.tls.test', 'other.tls.test', 'evil.tls.test',
         'future.tls.test', 'wild.tls.test', 'weak.tls.test', 'weakca.tls.test')
CA_URI = 'http://%s/ca.pem' % SERVER

# Servers that are not TLS servers: one that closes after reading the
# ClientHello, one that answers with bytes that are no TLS record.
FAULT_SERVER = r'''
import socket, sys, threading
address, log = sys.argv[1], sys.argv[2]

def serve(port, answer):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((address, port))
    sock.listen(8)
    while True:
        conn, _ = sock.accept()
        conn.recv(4096)
        if answer:
            conn.sendall(answer)
        conn.close()

for port, answer in ((6443, b''), (5443, bytes(range(7, 200)) * 40)):
    threading.Thread(target=serve, args=(port, answer), daemon=True).start()
open(log, 'w').write('ready\n')
threading.Event().wait()
'''


class HttpsLab:
    """The lab: nginx on port 80 (plain, with the CA certificate) and with
    TLS on 443 (1.3 only), 8443 (1.2 only), 8444 (1.2 with a cipher suite
    we do not offer), 7443 (a certificate of another CA, one not valid
    yet), dnsmasq naming every test name at the server."""

    def __init__(self, lab, rate='4m', client_port=None):
        self.lab = lab
        self.server = lab.add_server(SERVER)
        lab.root = os.path.join(lab.files, 'root')
        os.makedirs(lab.root)
        pki = os.path.join(lab.files, 'pki')
        self.ca = TestCA(pki)
        other = TestCA(os.path.join(lab.files, 'other'), name='Other CA')
        with open(self.ca.cert) as f, open(os.path.join(lab.root, 'ca.pem'), 'w') as out:
            out.write(f.read())
        rsa = self.ca.issue('www.tls.test')
        ecdsa = self.ca.issue('ecdsa.tls.test', kind='ecdsa')
        evil = other.issue('evil.tls.test')
        future = self.ca.issue('future.tls.test', start_days=10)
        wild = self.ca.issue('*.wild.tls.test')
        slow = ('location /slow/ { limit_rate %s; alias %s/; }\n'
                'location = /to-http { return 302 http://%s/small.bin; }'
                % (rate, lab.root, SERVER))
        servers = (tls_server(443, [('www.tls.test',) + rsa, ('ecdsa.tls.test',) + ecdsa],
                              lab.root, 'TLSv1.3', slow) +
                   tls_server(8443, [('www.tls.test',) + rsa, ('ecdsa.tls.test',) + ecdsa],
                              lab.root, 'TLSv1.2') +
                   tls_server(8444, [('www.tls.test',) + rsa], lab.root, 'TLSv1.2',
                              'ssl_ciphers AES128-SHA256;') +
                   tls_server(7443, [('evil.tls.test',) + evil,
                                     ('future.tls.test',) + future,
                                     ('.wild.tls.test',) + wild], lab.root))
        if client_port:
            servers += tls_server(client_port, [('www.tls.test',) + rsa], lab.root,
                                  'TLSv1.3', 'ssl_client_certificate %s;\n'
                                  'ssl_verify_client on;' % self.ca.cert)
        locations = '''
        location = /to-https { return 302 https://www.tls.test/small.bin; }
'''
        self.nginx = Nginx(lab.files, lab.root, address=None, port=80,
                           locations=locations, servers=servers,
                           prefix=['ip', 'netns', 'exec', self.server])
        lab.dnsmasq(self.server, 'dns', ['--port=53', '--no-dhcp-interface=vs'] +
                    ['--address=/%s/%s' % (name, SERVER) for name in NAMES])

    def __enter__(self):
        self.nginx.start()
        self.lab.processes.append(self.nginx.process)
        self.lab.wait_listening(self.server, 443, self.nginx.process,
                                'nginx:\n' + self.nginx.error_log())
        return self

    def __exit__(self, *exc):
        self.nginx.stop()
        return False

    def run(self, script, args=(), timeout=120, program=PROGRAM):
        script_path = os.path.join(self.lab.files, 'https.ipxe')
        with open(script_path, 'w') as f:
            f.write('#!ipxe\n' + script)
        argv = (['ip', 'netns', 'exec', self.lab.client_ns, program, '--tap',
                 self.lab.taps[0]] + CLIENT_ARGS[0] + list(args) +
                ['--script', script_path])
        try:
            proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            check(False, 'the program hung (%d s):\n%s' % (timeout, e.stdout))
        return proc.stdout


def fetch(uri, name, trust=True):
    return (('certstore %s\n' % CA_URI if trust else '') +
            'imgfetch --name %s %s && sha256sum %s || echo FAILED %s\n' %
            (name, uri, name, name))


def test_https_versions_names_and_redirects():
    with Lab('https') as lab, HttpsLab(lab) as web:
        digest = make_file(lab.root, 'file.bin', 16 * 1024 * 1024)
        small = make_file(lab.root, 'small.bin', 100000)
        script = 'certstore %s\n' % CA_URI
        for port, version in ((443, '13'), (8443, '12')):
            for host in ('www', 'ecdsa'):
                name = '%s%s' % (host, version)
                script += ('imgfetch --name %s https://%s.tls.test:%d/small.bin && '
                           'sha256sum %s || echo FAILED %s\n' % (name, host, port, name, name))
        script += ('imgfetch --name wild https://one.wild.tls.test:7443/small.bin && '
                   'sha256sum wild || echo FAILED wild\n')
        script += ('imgfetch --name redir1 http://%s/to-https && sha256sum redir1 '
                   '|| echo FAILED redir1\n' % SERVER)
        script += ('imgfetch --name redir2 https://www.tls.test/to-http && sha256sum redir2 '
                   '|| echo FAILED redir2\n')
        start = time.monotonic()
        output = web.run(script + 'imgfetch --name big https://www.tls.test/file.bin && '
                         'sha256sum big || echo FAILED big\n', timeout=240)
        seconds = time.monotonic() - start
        check('FAILED' not in output, output)
        # The CA named by its fingerprint goes; a new connection (the
        # pooled ones have expired) is refused.
        fingerprint = hashlib.sha256(web.ca.der()).hexdigest()
        output_free = web.run('certstore %s\ncertstat\ncertfree %s && echo FREED\n'
                              'certfree 0000 || echo SHORT\nsleep 5\n'
                              'imgfetch https://www.tls.test/small.bin || echo REFUSED\n'
                              % (CA_URI, fingerprint[:16].upper()))
        check(re.search(r'Wireboot Test CA : %s \[certstore\]' % fingerprint, output_free) and
              'FREED' in output_free and 'SHORT' in output_free and
              'REFUSED' in output_free and 'untrusted issuer' in output_free, output_free)
        check(output.count(small) == 7 and digest in output, output)
        print('7 small files, 2 redirects and 16 MiB over HTTPS in %.1f s' % seconds)
        access = web.nginx.access_log()
        check(re.search(r'^\S+ \d+ [2-9]\d* "GET ', access, re.M),
              'no connection was used twice:\n' + access)


def start_fault_server(lab, namespace):
    log = os.path.join(lab.files, 'faults.log')
    lab.spawn(namespace, ['python3', '-c', FAULT_SERVER, SERVER, log], 'tls-faults')
    deadline = time.monotonic() + 10
    while 'ready' not in read_text(log):
        check(time.monotonic() < deadline, 'the fault server did not start')
        time.sleep(0.05)


def test_https_refusals():
    """Each refusal names its reason and ends at once."""
    with Lab('httpsno') as lab, HttpsLab(lab) as web:
        make_file(lab.root, 'small.bin', 1000)
        start_fault_server(lab, web.server)
        weak = web.ca.issue('weak.tls.test', bits=1024)
        weak_tls_server(lab, web.server, SERVER, 4443, *weak)
        weak_ca = TestCA(os.path.join(lab.files, 'weakca'), name='Weak CA', bits=1024)
        shutil.copy(weak_ca.cert, os.path.join(lab.root, 'weakca.pem'))
        weak_tls_server(lab, web.server, SERVER, 3443, *weak_ca.issue('weakca.tls.test'))
        cases = [
            ('weak', 'https://weak.tls.test:4443/small.bin',
             r'weak key in certificate weak\.tls\.test \(RSA below 2048'),
            ('weakca', 'https://weakca.tls.test:3443/small.bin',
             r'weak key in certificate Weak CA, the root that issued weakca\.tls\.test '
             r'\(RSA below 2048'),
            ('untrusted', 'https://evil.tls.test:7443/small.bin',
             r'untrusted issuer \(evil\.tls\.test, issued by CN=Other CA\)'),
            ('mismatch', 'https://other.tls.test/small.bin',
             r'name mismatch \(certificate is for www\.tls\.test\)'),
            ('closed', 'https://www.tls.test:6443/small.bin',
             r'closed the connection during the handshake'),
            ('plain', 'https://www.tls.test:80/small.bin', r'in plain HTTP'),
            ('garbage', 'https://www.tls.test:5443/small.bin', r'does not speak TLS'),
            ('wildcard', 'https://a.b.wild.tls.test:7443/small.bin',
             r'name mismatch \(certificate is for \*\.wild\.tls\.test\)'),
            ('alert', 'https://www.tls.test:8444/small.bin',
             r'handshake failure: the server sent alert handshake_failure'),
            ('future', 'https://future.tls.test:7443/small.bin',
             r'certificate future\.tls\.test not valid before \d{4}-'),
            ('noca', 'https://www.tls.test/small.bin', r'untrusted issuer'),
        ]
        script = ''
        for name, uri, _ in cases:
            if name == 'noca':
                script += 'certfree\n'
            elif not script:
                script += 'certstore %s\ncertstore http://%s/weakca.pem\n' % (CA_URI, SERVER)
            script += 'imgfetch --name %s %s || echo REFUSED %s\n' % (name, uri, name)
        start = time.monotonic()
        output = web.run(script, timeout=60)
        seconds = time.monotonic() - start
        for name, _, reason in cases:
            check('REFUSED %s' % name in output, output)
            check(re.search(reason, output), 'no "%s" in:\n%s' % (reason, output))
        check(seconds < 40, 'refusals took %.1f s:\n%s' % (seconds, output))
        # The clock three days on: the certificate (valid for two) has
        # expired, the CA (thirty) has not.
        output = web.run(fetch('https://www.tls.test/small.bin', 'dated'),
                         args=['--clock-offset', str(3 * 86400)], timeout=60)
        check('FAILED dated' in output and
              re.search(r'certificate www\.tls\.test expired on \d{4}-', output), output)


def test_https_efi_variable_and_resume():
    """The CA from the TlsCaCertificate variable; a throttled transfer
    survives nginx going away and coming back."""
    with Lab('httpsvar') as lab, HttpsLab(lab, rate='4m') as web:
        size = 16 * 1024 * 1024
        digest = make_file(lab.root, 'file.bin', size)
        variable = os.path.join(lab.files, 'TlsCaCertificate')
        with open(variable, 'wb') as f:
            f.write(signature_list([web.ca.der()]))
        script = os.path.join(lab.files, 'resume.ipxe')
        with open(script, 'w') as f:
            f.write('#!ipxe\ncertstat\nset http-timeout 3\nset http-retries 8\n'
                    'imgfetch --name got https://www.tls.test/slow/file.bin && '
                    'sha256sum got || echo FAILED\n')
        argv = (['ip', 'netns', 'exec', lab.client_ns, PROGRAM, '--tap', lab.taps[0]] +
                CLIENT_ARGS[0] + ['--tls-ca-variable', variable, '--script', script])
        client = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, stdin=subprocess.DEVNULL)
        try:
            time.sleep(2.5)
            web.nginx.stop()
            time.sleep(2)
            web.nginx.start()
            output, _ = client.communicate(timeout=120)
        finally:
            if client.poll() is None:
                client.kill()
                client.wait()
        check(re.search(r'Wireboot Test CA : [0-9a-f]{64} \[TlsCaCertificate\]', output),
              output)
        check(digest in output, output)
        check(re.search(r'" 206 ', web.nginx.access_log()),
              'no range request:\n' + web.nginx.access_log())


def test_https_client_certificate():
    """A server that requires a client certificate (ssl_verify_client on)
    refuses the program without one and serves the one built with
    CERT=/PRIVKEY=."""
    with Lab('httpscert') as lab:
        web = HttpsLab(lab, client_port=9443)
        with web:
            small = make_file(lab.root, 'small.bin', 50000)
            uri = 'https://www.tls.test:9443/small.bin'
            output = web.run(fetch(uri, 'nocert'))
            check('FAILED nocert' in output and '400' in output, output)
            cert, key = web.ca.issue('boot-client', kind='ecdsa', client=True)
            top = None
            try:
                # Only the certificate's object is made, and the program
                # relinked.
                top, program = relinked_build(
                    'https-client', 'bin-x86_64-linux/wireboot',
                    ['CERT=' + cert, 'PRIVKEY=' + key, 'GITVERSION=client'])
                output = web.run(fetch(uri, 'withcert'), program=program)
            finally:
                if top:
                    shutil.rmtree(top, ignore_errors=True)
            check(small in output, output)


def test_https_without_entropy():
    """No entropy source: refusals, not a predictable seed, and no hang;
    with entropy the same fetch gets as far as the certificate."""
    proc = subprocess.run([PROGRAM, '--no-entropy', '--random', '32'], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=30)
    check(proc.returncode == 1 and 'random: source none, rc -' in proc.stdout and
          'bytes' not in proc.stdout, 'random_bytes() without entropy:\n' + proc.stdout)
    with Lab('httpsnoent') as lab, HttpsLab(lab) as web:
        small = make_file(lab.root, 'small.bin', 1000)
        # By address: the lookup of a name would fail first.
        script = ('imgfetch --name plain http://%s/small.bin && sha256sum plain || echo NOPLAIN\n'
                  'certstore %s\n'
                  'imgfetch --name tls https://%s/small.bin || echo REFUSED tls\n'
                  'imgfetch --name named http://www.tls.test/small.bin || echo REFUSED dns\n'
                  % (SERVER, CA_URI, SERVER))
        start = time.monotonic()
        output = web.run(script, args=['--no-entropy'], timeout=60)
        seconds = time.monotonic() - start
        check(small in output and 'NOPLAIN' not in output, 'plain HTTP failed:\n' + output)
        check('REFUSED tls' in output and
              'TLS: no entropy source for the random numbers TLS needs' in output,
              'HTTPS without entropy:\n' + output)
        check('REFUSED dns' in output and
              'DNS: no entropy source for the query\'s random id' in output,
              'a name was looked up without entropy:\n' + output)
        check(seconds < 30, 'the refusals took %.1f s:\n%s' % (seconds, output))
        output = web.run(script, timeout=60)
        check('no entropy' not in output and
              re.search(r'name mismatch \(certificate is for www\.tls\.test\)', output),
              'HTTPS by address with entropy:\n' + output)
        print('no entropy: HTTPS and DNS refused, plain HTTP done, in %.2f s' % seconds)
