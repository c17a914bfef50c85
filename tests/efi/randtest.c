/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The randomness test program: draws from random_bytes() and prints which
 * entropy source seeded the DRBG and what came out, then powers off. The
 * QEMU tests boot it with and without a virtio-rng device (EFI_RNG_PROTOCOL
 * or the CPU's sources) and compare the output of two boots.
 */

#include <stdio.h>
#include <wireboot/efi.h>
#include <wireboot/entropy.h>
#include <wireboot/main.h>
#include <wireboot/random.h>

#define DRAW_LEN 32

int wireboot_main(void)
{
	unsigned char draw[DRAW_LEN];
	const char *source;
	int rc;

	rc = random_bytes(draw, sizeof(draw));
	source = entropy_source_name();
	printf("\nWIREBOOT-RANDTEST: source %s, rc %d, bytes ",
	       source ? source : "none", rc);
	for (size_t i = 0; i < sizeof(draw); i++)
		printf("%02x", rc ? 0 : draw[i]);
	printf("\n");
	efi_poweroff();
	return 0;
}
