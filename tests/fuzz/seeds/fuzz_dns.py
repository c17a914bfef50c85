# SPDX-License-Identifier: GPL-2.0-or-later
"""Seeds for fuzz_dns: answers to "boot.example" (the target takes the id
from the first two bytes)."""
from seedlib import dns_answer, dns_first_rdata, dns_name, dns_soa, ip


def seeds():
    return [
        ('a', dns_answer()),
        ('cname', dns_answer(records=[(5, dns_name('web.example')),
                                      (1, ip('192.0.2.1'), dns_first_rdata())])),
        ('cname-only', dns_answer(records=[(5, b'\3web\xc0\x11')])),
        ('nxdomain', dns_answer(records=[], rcode=3)),
        ('aaaa', dns_answer(records=[(28, bytes(16))])),
        ('aaaa-question', dns_answer(qtype=28, records=[(28, bytes(15) + b'\1')])),
        ('nxdomain-soa', dns_answer(records=[], rcode=3, authority=[(6, dns_soa())])),
        ('nodata-soa', dns_answer(records=[], authority=[(6, dns_soa(5))])),
    ]
