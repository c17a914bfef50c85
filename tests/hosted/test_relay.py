# SPDX-License-Identifier: GPL-2.0-or-later
"""The frame relay's fault decisions (tests/lib/relay.py): a seed gives
the same faults every time, each fault hits at its rate, delays hold and
reordering swaps neighbours."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'lib'))
from wbtest import check  # noqa: E402
from relay import directions_from  # noqa: E402

FAULTS = dict(drop=0.02, dup=0.01, reorder=0.01, delay_ms=10)


def schedule(seed, frames, **faults):
    """What the relay sends for frames arriving 1 ms apart, per direction:
    (time in ms, frame) in the order sent."""
    out = {}
    for name, direction in directions_from(seed, **faults).items():
        sent = []
        for i in range(frames):
            for when, entry in direction.process(b'%d' % i, i / 1000.0):
                sent.append((when, len(sent), entry))
        sent.sort(key=lambda item: (item[0], item[1]))
        frames_out = []
        for when, _, entry in sent:
            frame = direction.release(entry)
            if frame is not None:
                frames_out.append((round(when * 1000, 3), frame))
        out[name] = (frames_out, direction.counts)
    return out


def test_relay_seed_reproducible():
    first = schedule(7, 5000, **FAULTS)
    check(first == schedule(7, 5000, **FAULTS), 'seed 7 gave two schedules')
    other = schedule(8, 5000, **FAULTS)
    check(first['to-tap'][0] != other['to-tap'][0], 'seeds 7 and 8 agree')
    # The two directions draw from streams of their own.
    check(first['to-tap'][1] != first['to-guest'][1], 'directions share faults')


def test_relay_fault_rates():
    frames = 100000
    counts = schedule(3, frames, **FAULTS)['to-guest'][1]
    for fault, key in (('drop', 'dropped'), ('dup', 'duplicated'),
                       ('reorder', 'reordered')):
        want = FAULTS[fault] * frames
        # Within 5 standard deviations (binomial) of the rate.
        margin = 5 * (want * (1 - FAULTS[fault])) ** 0.5
        check(abs(counts[key] - want) < margin,
              '%s: %d of %d frames, want %d' % (key, counts[key], frames, want))
    check(counts['delayed'] == frames, counts)


def test_relay_per_direction_faults():
    dirs = directions_from(1, drop=0.5, to_guest_drop=0.0)
    for i in range(1000):
        for direction in dirs.values():
            direction.process(b'x', 0.0)
    check(dirs['to-guest'].counts['dropped'] == 0, dirs['to-guest'].counts)
    check(300 < dirs['to-tap'].counts['dropped'] < 700, dirs['to-tap'].counts)


def test_relay_delay_and_reorder():
    sent, counts = schedule(1, 2000, delay_ms=10, reorder=0.05)['to-tap']
    check(len(sent) == 2000, 'frames lost: %d sent' % len(sent))
    order = [int(frame) for _, frame in sent]
    check(all(when >= 10 for when, _ in sent), 'a frame went before its delay')
    moved = [i for i in range(len(order)) if order[i] != i]
    check(moved and counts['reordered'] > 50, counts)
    # A held frame goes right after the next one: neighbours swap.
    for i in range(0, len(order) - 1):
        if order[i] > order[i + 1]:
            check(order[i] == order[i + 1] + 1, 'not a neighbour swap: %r' %
                  order[max(0, i - 3):i + 4])


def test_relay_no_faults_is_transparent():
    sent, counts = schedule(1, 1000)['to-guest']
    check([int(frame) for _, frame in sent] == list(range(1000)), 'order changed')
    check(counts['frames'] == 1000 and not counts['dropped'], counts)
