# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dns_client: answers to the lookup of "boot.example",
the id written in by the target (control bit 0); bits 2-3 choose the
sender: 0 the first server, 1 another port, 2 another address, 3 the
second server."""
from seedlib import (delay, dns_answer, dns_first_rdata, dns_name, ip, record)

FIX = 1
SECOND = 3 << 2

def seeds():
    return [
        ('a', record(FIX, dns_answer())),
        ('alias', record(FIX, dns_answer(records=[(5, dns_name('web.example'))])) +
         record(FIX, dns_answer('web.example'))),
        ('retry', record(FIX | delay(6), dns_answer(ident=0)) +
         record(FIX | delay(3), dns_answer())),
        ('nxdomain', record(FIX | 4, dns_answer()) +
         record(FIX, dns_answer(records=[], rcode=3))),
        # The first server silent: the second answers the retry.
        ('second', record(FIX | SECOND | delay(6), dns_answer())),
        # The alias and its target's address in one answer.
        ('both', record(FIX, dns_answer(records=[
            (5, dns_name('web.example')),
            (1, ip('192.0.2.1'), dns_first_rdata())]))),
    ]
