# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dns: answers to "boot.example" (the target takes the id
from the first two bytes)."""
from seedlib import dns_answer, dns_first_rdata, dns_name, ip


def seeds():
    return [
        ('a', dns_answer()),
        ('cname', dns_answer(records=[(5, dns_name('web.example')),
                                      (1, ip('192.0.2.1'), dns_first_rdata())])),
        ('cname-only', dns_answer(records=[(5, b'\3web\xc0\x11')])),
        ('nxdomain', dns_answer(records=[], rcode=3)),
        ('aaaa', dns_answer(records=[(28, bytes(16))])),
    ]
