# SPDX-License-Identifier: GPL-2.0-or-later
"""A frame relay between a guest's UDP datagram link and a TAP device, with
fault injection: the lossy network of the test labs.

One Ethernet frame per UDP datagram on the guest side, as QEMU's dgram
netdev sends them (-netdev dgram,...,local.port=P1,remote.port=P2 with the
relay on P2) and as the hosted program's --dgram LOCAL:REMOTE does; frames
on the other side go to and come from a TAP device (already created, up and
on a bridge), possibly in another network namespace: the relay binds its
UDP socket first, then enters the namespace (setns) and attaches the TAP
there, so one process reaches the root namespace's 127.0.0.1 and a TAP in
a lab's namespace. The guest's port is learnt from the first datagram
(frames from the TAP before then are dropped) unless --peer-port says it.

Each direction (to-tap: from the guest, to-guest: to it) can drop,
duplicate, reorder (a frame held back and sent after the next one of its
direction, or after --reorder-hold-ms) and delay (fixed latency, kept in a
timer heap so a busy link costs no sleep per frame) frames. Decisions come
from random.Random seeded with (seed, direction): the same seed and the
same frames give the same faults. What it did is written as JSON to
--stats (every second and on SIGTERM/SIGINT):
  {"to-tap": {"frames": N, "sent": N, "dropped": N, "duplicated": N,
              "reordered": N, "delayed": N}, "to-guest": {...}, "port": P}
and "ready port=P" is printed once it relays.

Command line (fault options set both directions; --to-tap-X or --to-guest-X
one of them):
  relay.py --tap NAME [--netns NS] [--port P] [--peer-port P] [--stats FILE]
           [--seed N] [--drop F] [--dup F] [--reorder F] [--delay-ms MS]
           [--to-tap-drop F] [--to-guest-delay-ms MS] ...

From Python (tests): Relay(tap, netns=None, log_dir=...,
**faults).start() -> UDP port; .stats() -> the JSON above; .stop().
faults: seed, drop, dup, reorder, delay_ms, reorder_hold_ms, and per
direction to_tap_drop, to_guest_delay_ms, ...  hostedlab.Lab(name,
relay=dict(...)) and netlab.QemuLab put one in the middle of their link.
"""
import argparse
import ctypes
import errno
import fcntl
import heapq
import json
import os
import random
import select
import signal
import socket
import struct
import subprocess
import sys
import time

# The lossy link of the acceptance tests and the bench.
LOSSY = dict(drop=0.02, dup=0.01, reorder=0.01, delay_ms=10)
# The window they ask TFTP servers for: a transfer moves at most a window
# per round trip (20 ms here), and with 2% loss about 50 blocks before the
# next loss restarts it; 128 comes close to that (64: a third slower, 256:
# bursts larger than the sockets on the way hold).
LOSSY_WINDOWSIZE = 128

DIRECTIONS = ('to-tap', 'to-guest')
FAULTS = ('drop', 'dup', 'reorder', 'delay_ms', 'reorder_hold_ms')
DEFAULT_REORDER_HOLD_MS = 20.0
MAX_FRAME = 65536
BURST = 64
SOCKET_BUFFER = 8 << 20
# epoll waits whole milliseconds: frames due within one go out together,
# early rather than a millisecond late each.
TIMER_SLACK = 0.001


class Direction:
    """The faults of one direction: process() turns a frame arriving at
    now (seconds) into the (time, frame) pairs to send, in order."""

    def __init__(self, name, seed, drop=0.0, dup=0.0, reorder=0.0,
                 delay_ms=0.0, reorder_hold_ms=DEFAULT_REORDER_HOLD_MS):
        for value in (drop, dup, reorder):
            if not 0.0 <= value <= 1.0:
                raise ValueError('%s: probability %r out of [0, 1]' % (name, value))
        self.name = name
        self.rng = random.Random('%s/%s' % (seed, name))
        self.drop, self.dup, self.reorder = drop, dup, reorder
        self.delay = delay_ms / 1000.0
        self.hold = reorder_hold_ms / 1000.0
        self.faulty = bool(drop or dup or reorder)
        self.held = None        # [frame, sent] held back for reordering
        self.counts = dict(frames=0, sent=0, dropped=0, duplicated=0,
                           reordered=0, delayed=0)

    def process(self, frame, now):
        """Returns [(when, frame or held entry)]; a held entry is a list
        [frame, sent] that release() sends once."""
        self.counts['frames'] += 1
        when = now + self.delay
        if self.delay:
            self.counts['delayed'] += 1
        if not self.faulty:
            return self._after_held([(when, frame)])
        rng = self.rng
        # Always three draws per frame, so that one fault's rate does not
        # change which frames another hits.
        drop, dup, reorder = rng.random(), rng.random(), rng.random()
        if drop < self.drop:
            self.counts['dropped'] += 1
            return []
        out = [(when, frame)]
        if dup < self.dup:
            self.counts['duplicated'] += 1
            out.append((when, frame))
        if reorder < self.reorder and self.held is None:
            self.counts['reordered'] += 1
            self.held = [frame, False]
            # Sent after the next frame, or at the latest after the hold.
            return [(when + self.hold, self.held)] + out[1:]
        return self._after_held(out)

    def _after_held(self, out):
        if self.held is not None:
            out.append((out[-1][0], self.held))
            self.held = None
        return out

    def release(self, entry):
        """The frame to send for a scheduled entry, or None if a held
        frame already went."""
        if isinstance(entry, list):
            if entry[1]:
                return None
            entry[1] = True
            if self.held is entry:
                self.held = None
            return entry[0]
        return entry


def directions_from(seed=0, **faults):
    """Direction objects from fault keywords (drop=..., to_tap_drop=...)."""
    per = {name: {} for name in DIRECTIONS}
    for key, value in faults.items():
        if value is None:
            continue
        for name in DIRECTIONS:
            prefix = name.replace('-', '_') + '_'
            if key.startswith(prefix):
                if key[len(prefix):] not in FAULTS:
                    raise TypeError('unknown fault %s' % key)
                per[name][key[len(prefix):]] = value
                break
        else:
            if key not in FAULTS:
                raise TypeError('unknown fault %s' % key)
            for name in DIRECTIONS:
                per[name].setdefault(key, value)
    # Per-direction values win over the shared ones whatever the order.
    for key, value in faults.items():
        for name in DIRECTIONS:
            prefix = name.replace('-', '_') + '_'
            if value is not None and key.startswith(prefix):
                per[name][key[len(prefix):]] = value
    return {name: Direction(name, seed, **per[name]) for name in DIRECTIONS}


# ---- the relay process -------------------------------------------------

TUNSETIFF = 0x400454ca
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000
CLONE_NEWNET = 0x40000000


def enter_netns(name):
    """Moves this (single-threaded) process into network namespace name;
    sockets opened before stay where they were."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open(os.path.join('/run/netns', name), os.O_RDONLY | os.O_CLOEXEC)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, 'setns %s: %s' % (name, os.strerror(error)))
    finally:
        os.close(fd)


def open_tap(name):
    fd = os.open('/dev/net/tun', os.O_RDWR | os.O_NONBLOCK | os.O_CLOEXEC)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TAP | IFF_NO_PI))
    return fd


class RelayLoop:
    def __init__(self, sock, tap_fd, directions, peer, stats_path):
        self.sock, self.tap_fd = sock, tap_fd
        self.dirs = directions
        self.peer = peer
        self.stats_path = stats_path
        self.heap = []
        self.seq = 0
        self.stopping = False

    def write_stats(self):
        if not self.stats_path:
            return
        data = {name: d.counts for name, d in self.dirs.items()}
        data['port'] = self.sock.getsockname()[1]
        tmp = self.stats_path + '.tmp'
        with open(tmp, 'w') as f:
            json.dump(data, f)
        os.replace(tmp, self.stats_path)

    def send(self, name, frame):
        try:
            if name == 'to-tap':
                os.write(self.tap_fd, frame)
            elif self.peer:
                self.sock.sendto(frame, self.peer)
            else:
                return      # nobody to send to yet: a lost frame
        except OSError as e:
            # A full queue or a guest not listening: the frame is lost,
            # as on a wire.
            if e.errno not in (errno.EAGAIN, errno.ENOBUFS, errno.ECONNREFUSED,
                               errno.EIO):
                raise
            return
        self.dirs[name].counts['sent'] += 1

    def arrive(self, name, frame, now):
        direction = self.dirs[name]
        for when, entry in direction.process(frame, now):
            if when <= now and not isinstance(entry, list) and not self.heap:
                self.send(name, entry)
            else:
                self.seq += 1
                heapq.heappush(self.heap, (when, self.seq, name, entry))

    def run_due(self, now):
        heap = self.heap
        while heap and heap[0][0] <= now:
            _, _, name, entry = heapq.heappop(heap)
            frame = self.dirs[name].release(entry)
            if frame is not None:
                self.send(name, frame)

    def run(self):
        poller = select.epoll()
        sock_fd = self.sock.fileno()
        poller.register(sock_fd, select.EPOLLIN)
        poller.register(self.tap_fd, select.EPOLLIN)
        next_stats = time.monotonic() + 1.0
        while not self.stopping:
            now = time.monotonic()
            timeout = next_stats - now
            if self.heap:
                timeout = min(timeout, self.heap[0][0] - now)
            try:
                events = poller.poll(max(timeout, 0.0))
            except InterruptedError:
                continue
            now = time.monotonic()
            for fd, _ in events:
                for _ in range(BURST):
                    try:
                        if fd == sock_fd:
                            frame, source = self.sock.recvfrom(MAX_FRAME)
                            if self.peer is None:
                                self.peer = source
                            elif source != self.peer:
                                continue
                            self.arrive('to-tap', frame, now)
                        else:
                            self.arrive('to-guest', os.read(self.tap_fd, MAX_FRAME), now)
                    except BlockingIOError:
                        break
                    except ConnectionRefusedError:
                        continue
            self.run_due(now + TIMER_SLACK)
            if now >= next_stats:
                self.write_stats()
                next_stats = now + 1.0
        self.write_stats()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--tap', required=True)
    parser.add_argument('--netns', help='the TAP is in this network namespace')
    parser.add_argument('--port', type=int, default=0, help='UDP port (0: any)')
    parser.add_argument('--peer-port', type=int, help="the guest's UDP port")
    parser.add_argument('--stats', help='JSON counts to this file')
    parser.add_argument('--seed', default='0')
    for prefix in ('', 'to-tap-', 'to-guest-'):
        for fault in FAULTS:
            option = '--' + prefix + fault.replace('_', '-')
            parser.add_argument(option, type=float, default=None,
                                dest=(prefix + fault).replace('-', '_'))
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    faults = {key: value for key, value in vars(args).items()
              if key not in ('tap', 'netns', 'port', 'peer_port', 'stats', 'seed')}
    directions = directions_from(args.seed, **faults)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SOCKET_BUFFER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SOCKET_BUFFER)
    sock.bind(('127.0.0.1', args.port))
    sock.setblocking(False)
    if args.netns:
        enter_netns(args.netns)
    tap_fd = open_tap(args.tap)
    peer = ('127.0.0.1', args.peer_port) if args.peer_port else None
    loop = RelayLoop(sock, tap_fd, directions, peer, args.stats)

    def stop(signum, frame):
        loop.stopping = True
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    loop.write_stats()
    print('ready port=%d' % sock.getsockname()[1], flush=True)
    loop.run()


# ---- for tests -----------------------------------------------------------

class Relay:
    """The relay as a child process: Relay(tap, netns, log_dir, name,
    prefix=[...], **faults). prefix runs it under another command (e.g.
    ['ip', 'netns', 'exec', NS] to keep its UDP socket in that namespace
    too). start() returns its UDP port."""

    def __init__(self, tap, netns=None, log_dir='/tmp', name='relay',
                 prefix=(), peer_port=None, **faults):
        directions_from(**faults)       # fails early on a bad fault
        self.argv = list(prefix) + [sys.executable, os.path.abspath(__file__),
                                    '--tap', tap]
        if netns:
            self.argv += ['--netns', netns]
        if peer_port:
            self.argv += ['--peer-port', str(peer_port)]
        for key, value in faults.items():
            if value is not None:
                self.argv += ['--' + key.replace('_', '-'), str(value)]
        self.stats_path = os.path.join(log_dir, name + '.stats.json')
        self.log_path = os.path.join(log_dir, name + '.log')
        self.argv += ['--stats', self.stats_path]
        self.proc = None
        self.port = None

    def start(self, timeout=10):
        log = open(self.log_path, 'w')
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
                                     stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            with open(self.log_path) as f:
                text = f.read()
            if 'ready port=' in text:
                self.port = int(text.split('ready port=')[1].split()[0])
                return self.port
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError('the relay did not start:\n' + text)
            time.sleep(0.02)

    def stats(self):
        with open(self.stats_path) as f:
            return json.load(f)

    def stop(self):
        """Stops the relay (its last counts written); returns them."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            return self.stats()
        except (OSError, ValueError):
            return None


if __name__ == '__main__':
    main(sys.argv[1:])
