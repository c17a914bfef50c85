/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_RANDOM_ID_H
#define WIREBOOT_RANDOM_ID_H

/*
 * Identifiers that should be unpredictable but must never stop a boot:
 * ephemeral UDP and TCP ports, DHCP transaction ids, TCP initial sequence
 * numbers. They come from
 * random_bytes() (wireboot/random.h). On a machine where no entropy source
 * works at all (no EFI_RNG, no CPU generator, and a cycle counter too
 * regular for the jitter source's health tests, as an emulator under load
 * can be), they are mixed from the clock and a counter instead, so that
 * DHCP and TFTP still run; the event is reported under DEBUG=random_id.
 *
 * What an off-path attacker could exploit takes random_bytes() itself and
 * fails without it: DNS ids (src/net/dns.c), TLS.
 */

#include <stdint.h>

uint32_t random_id(void);

#endif
