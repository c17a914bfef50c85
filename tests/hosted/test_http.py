# SPDX-License-Identifier: GPL-2.0-or-later
"""HTTP, seen from outside: the hosted program (tests/lib/hostedlab.py)
fetches from nginx and from a small Python server (for what nginx cannot
be made to do on purpose: chunk sizes, a close right after the head, a
reset mid-body, Digest authentication, a file that changes between two
attempts, an echo of a POST) and checks every file by its SHA-256:

- 64 MiB from nginx; every redirect code (nginx "return 30x"), a redirect
  loop; Basic authentication (auth_basic, an apr1 htpasswd); 404 and 500
  with the status line in the error;
- nginx stopped in the middle of a throttled transfer (limit_rate) and
  started again: the transfer resumes and completes;
- chunked bodies, Digest, POST of a params list, and the faults above.
"""
import hashlib
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from hostedlab import PROGRAM, SERVER, SUBNET, Lab, make_file, read_text  # noqa: E402
from nginxlab import Nginx  # noqa: E402

CLIENT_SETUP = ('set net0/ip %s.60\nset net0/netmask 255.255.255.0\n' % SUBNET)

# ---- a Python server for the exact behaviours -------------------------------

PY_SERVER = r'''
import hashlib, os, socket, struct, sys, threading

address, root, log_path = sys.argv[1], sys.argv[2], sys.argv[3]
log = open(log_path, 'a', buffering=1)
counts = {}
lock = threading.Lock()

def data(name):
    with open(os.path.join(root, name), 'rb') as f:
        return f.read()

def reset(conn):
    # SO_LINGER with 0: the close sends RST at once
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    conn.close()

def read_request(conn):
    buf = b''
    while b'\r\n\r\n' not in buf:
        part = conn.recv(4096)
        if not part:
            return None, None, b''
        buf += part
    head, body = buf.split(b'\r\n\r\n', 1)
    lines = head.decode('latin-1').split('\r\n')
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(':')
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get('content-length', '0'))
    while len(body) < length:
        part = conn.recv(4096)
        if not part:
            break
        body += part
    return lines[0], headers, body

def send_head(conn, status, fields):
    text = 'HTTP/1.1 %s\r\n' % status
    for name, value in fields:
        text += '%s: %s\r\n' % (name, value)
    conn.sendall((text + '\r\n').encode())

def serve_range(conn, headers, content, etag):
    start = 0
    rng = headers.get('range', '')
    if rng.startswith('bytes=') and headers.get('if-range') == etag:
        start = int(rng[6:].rstrip('-'))
    if start:
        send_head(conn, '206 Partial Content',
                  [('Content-Length', len(content) - start), ('ETag', etag),
                   ('Content-Range', 'bytes %d-%d/%d' % (start, len(content) - 1, len(content)))])
    else:
        send_head(conn, '200 OK', [('Content-Length', len(content)), ('ETag', etag)])
    return start

def handle(conn):
    line, headers, body = read_request(conn)
    if line is None:
        conn.close()
        return
    method, path, _ = line.split(' ', 2)
    with lock:
        n = counts.get(path, 0)
        counts[path] = n + 1
    print('REQ %s %s %d range=%s if-range=%s auth=%s' % (
        method, path, n, headers.get('range'), headers.get('if-range'),
        headers.get('authorization', '-')[:6]), file=log)
    content = data('file.bin')
    if path == '/chunked':
        send_head(conn, '200 OK', [('Transfer-Encoding', 'chunked')])
        pos, size = 0, 1
        while pos < len(content):
            piece = content[pos:pos + size]
            conn.sendall(b'%x;n=1\r\n' % len(piece) + piece + b'\r\n')
            pos += len(piece)
            size = size * 5 + 3 if size < 200000 else 7
        conn.sendall(b'0\r\nX-Done: yes\r\n\r\n')
    elif path == '/close-after-head':
        send_head(conn, '200 OK', [('Content-Length', len(content)), ('ETag', '"c1"')])
        if n == 0:
            conn.close()
            return
        conn.sendall(content)
    elif path == '/reset':
        start = serve_range(conn, headers, content, '"r1"')
        if n == 0:
            conn.sendall(content[:len(content) // 3])
            reset(conn)
            return
        conn.sendall(content[start:])
    elif path == '/changed':
        # The first attempt gets half of one version and a reset; by the
        # second the file has changed.
        if n == 0:
            serve_range(conn, headers, content, '"v1"')
            conn.sendall(content[:len(content) // 2])
            reset(conn)
            return
        other = data('other.bin')
        start = serve_range(conn, headers, other, '"v2"')
        conn.sendall(other[start:])
    elif path == '/digest':
        realm, nonce = 'boot', 'n0nce%d' % n
        auth = headers.get('authorization', '')
        fields = dict(part.strip().split('=', 1) for part in
                      auth[7:].split(', ')) if auth.startswith('Digest ') else {}
        fields = {k: v.strip('"') for k, v in fields.items()}
        ha1 = hashlib.md5(b'user:boot:secret').hexdigest()
        ha2 = hashlib.md5(('GET:%s' % fields.get('uri', '')).encode()).hexdigest()
        want = hashlib.md5(('%s:%s:%s:%s:auth:%s' % (
            ha1, fields.get('nonce'), fields.get('nc'), fields.get('cnonce'),
            ha2)).encode()).hexdigest()
        if fields.get('response') == want and fields.get('nonce') == 'n0nce0':
            send_head(conn, '200 OK', [('Content-Length', len(content))])
            conn.sendall(content)
        else:
            send_head(conn, '401 Unauthorized',
                      [('WWW-Authenticate', 'Digest realm="%s", qop="auth", nonce="%s", '
                        'opaque="0pq"' % (realm, 'n0nce0')), ('Content-Length', 0)])
    elif path == '/post':
        send_head(conn, '200 OK', [('Content-Length', len(body))])
        conn.sendall(body)
    else:
        send_head(conn, '404 Not Found', [('Content-Length', 0)])
    conn.close()

def worker(conn):
    try:
        handle(conn)
    except OSError as e:
        print('ERR %s' % e, file=log)

sock = socket.socket()
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind((address, 8080))
sock.listen(16)
print('ready', file=log)
while True:
    conn, _ = sock.accept()
    threading.Thread(target=worker, args=(conn,), daemon=True).start()
'''

LOCATIONS = '''
        location = /r301 {{ return 301 /small.bin; }}
        location = /r302 {{ return 302 /small.bin; }}
        location = /r303 {{ return 303 /small.bin; }}
        location = /r307 {{ return 307 /small.bin; }}
        location = /r308 {{ return 308 http://{address}/small.bin; }}
        location = /loop-a {{ return 302 /loop-b; }}
        location = /loop-b {{ return 302 /loop-a; }}
        location = /broken {{ return 500; }}
        location /slow/ {{ limit_rate %s; alias {root}/; }}
        location /secret/ {{
            auth_basic "boot";
            auth_basic_user_file {files}/htpasswd;
            alias {root}/;
        }}
'''


def nginx(lab, namespace, rate='4m'):
    """nginx in the server's namespace on SERVER:80, serving lab.root."""
    locations = LOCATIONS.format(root=lab.root, files=lab.files, address=SERVER)
    return Nginx(lab.files, lab.root, address=SERVER, port=80,
                 locations=locations % rate,
                 prefix=['ip', 'netns', 'exec', namespace])


def start_py_server(lab, namespace):
    log = os.path.join(lab.files, 'py.log')
    lab.spawn(namespace, ['python3', '-c', PY_SERVER, SERVER, lab.root, log],
              'py-http')
    deadline = time.monotonic() + 10
    while 'ready' not in read_text(log):
        check(time.monotonic() < deadline, 'the Python server did not start')
        time.sleep(0.05)
    return log


def setup(lab, size):
    lab.root = os.path.join(lab.files, 'root')
    os.makedirs(lab.root)
    return make_file(lab.root, 'file.bin', size)


def fetch_script(uri):
    return (CLIENT_SETUP +
            'imgfetch --name got %s && sha256sum got || echo FAILED\n' % uri)


def test_http_large_file_and_redirects():
    with Lab('http') as lab:
        server = lab.add_server(SERVER)
        digest = setup(lab, 64 * 1024 * 1024)
        with nginx(lab, server):
            large_file_and_redirects(lab, digest)


def large_file_and_redirects(lab, digest):
    """64 MiB timed, then every redirect code, a loop, 404 and 500."""
    start = time.monotonic()
    status, output = lab.wireboot(fetch_script('http://%s/file.bin' % SERVER),
                                  timeout=300)
    seconds = time.monotonic() - start
    check(status == 0 and digest in output, output)
    print('64 MiB in %.1f s (%.1f MiB/s)' % (seconds, 64 / seconds))
    # Every redirect code, then a loop, then the errors.
    small = make_file(lab.root, 'small.bin', 200000)
    script = CLIENT_SETUP
    for code in (301, 302, 303, 307, 308):
        script += ('imgfree\nimgfetch --name r%d http://%s/r%d && '
                   'sha256sum r%d || echo FAILED %d\n' % (code, SERVER, code, code, code))
    script += ('imgfetch http://%s/loop-a || echo LOOP FAILED\n'
               'imgfetch http://%s/missing.bin || echo 404 FAILED\n'
               'imgfetch http://%s/broken || echo 500 FAILED\n' % (SERVER, SERVER, SERVER))
    _, output = lab.wireboot(script, timeout=300)
    for code in (301, 302, 303, 307, 308):
        check('FAILED %d' % code not in output, output)
    check(output.count(small) == 5, output)
    check('LOOP FAILED' in output and 'redirect loop' in output, output)
    check('404 FAILED' in output and 'HTTP/1.1 404 Not Found' in output, output)
    check('500 FAILED' in output and 'HTTP/1.1 500 Internal Server Error' in output,
          output)


def test_http_basic_auth():
    with Lab('httpauth') as lab:
        server = lab.add_server(SERVER)
        digest = setup(lab, 300000)
        hashed = subprocess.run(['openssl', 'passwd', '-apr1', 'open sesame'],
                                stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
        with open(os.path.join(lab.files, 'htpasswd'), 'w') as f:
            f.write('aladdin:%s\n' % hashed)
        with nginx(lab, server):
            _, output = lab.wireboot(
                fetch_script('http://aladdin:open%%20sesame@%s/secret/file.bin' % SERVER) +
                'imgfetch http://aladdin:wrong@%s/secret/file.bin || echo DENIED\n' % SERVER)
        check(digest in output, output)
        check('DENIED' in output and '401' in output, output)


def test_http_resume_after_nginx_restart():
    with Lab('httpstop') as lab:
        server = lab.add_server(SERVER)
        size = 24 * 1024 * 1024
        digest = setup(lab, size)
        with nginx(lab, server, rate='4m') as slow:
            output = resume_after_restart(lab, server, slow)
        check(digest in output, output)
        check(re.search(r'" 206 ', slow.access_log()), 'no range request:\n' + slow.access_log())


def resume_after_restart(lab, server, slow):
    """Runs a throttled fetch, stops nginx midway and starts it again;
    the program's output."""
    argv = ['ip', 'netns', 'exec', lab.client_ns]
    script = os.path.join(lab.files, 'resume.ipxe')
    with open(script, 'w') as f:
        f.write('#!ipxe\n' + CLIENT_SETUP + 'set http-timeout 3\nset http-retries 8\n' +
                'imgfetch --name got http://%s/slow/file.bin && sha256sum got '
                '|| echo FAILED\n' % SERVER)
    client = subprocess.Popen(argv + [PROGRAM, '--tap', lab.taps[0], '--script', script],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, stdin=subprocess.DEVNULL)
    try:
        time.sleep(2.5)
        slow.stop()		# about 10 of the 24 MiB are through
        time.sleep(2)
        slow.start()
        output, _ = client.communicate(timeout=120)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
    return output


def test_http_python_server_cases():
    with Lab('httppy') as lab:
        server = lab.add_server(SERVER)
        digest = setup(lab, 3 * 1024 * 1024 + 17)
        other = make_file(lab.root, 'other.bin', 2 * 1024 * 1024 + 5)
        log = start_py_server(lab, server)
        base = 'http://%s:8080' % SERVER
        script = CLIENT_SETUP + 'set http-timeout 3\n'
        for name in ('chunked', 'close-after-head', 'reset', 'changed'):
            script += ('imgfree\nimgfetch --name %s %s/%s && sha256sum %s || '
                       'echo FAILED %s\n' % (name, base, name, name, name))
        script += ('imgfree\nimgfetch --name digest http://user:secret@%s:8080/digest && '
                   'sha256sum digest || echo FAILED digest\n' % SERVER)
        script += ('params --name form\nparam --params form mac ${net0/mac}\n'
                   'param --params form text hello\n'
                   'imgfetch --name post %s/post##params=form && sha256sum post || '
                   'echo FAILED post\necho mac=${net0/mac}\n' % base)
        _, output = lab.wireboot(script, timeout=120)
        check('FAILED' not in output, output + read_text(log))
        for name in ('chunked', 'close-after-head', 'reset', 'digest'):
            check('%s  %s' % (digest, name) in output, name + ':\n' + output)
        check('%s  changed' % other in output, output)
        requests = read_text(log)
        check(re.search(r'REQ GET /reset 1 range=bytes=\d+- if-range="r1"', requests),
              requests)
        check('REQ GET /changed 1 range=bytes=' in requests, requests)
        check('REQ POST /post 0' in requests, requests)
        mac = re.search(r'^mac=(\S+)$', output, re.M).group(1)
        body = 'mac=%s&text=hello' % mac.replace(':', '%3A')
        check('%s  post' % hashlib.sha256(body.encode()).hexdigest() in output,
              'the POST body was not %s:\n%s' % (body, output))
