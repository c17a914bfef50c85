/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hosted program's --fetch mode: several downloads through the user
 * level's parallel fetch, all in the same passes of the main loop, each
 * then reported with its length and SHA-256, so that a test can check that
 * transfers from several servers at once all arrive intact.
 */

#include <stdio.h>
#include <usr/imgmgmt.h>
#include <wireboot/device.h>
#include <wireboot/sha256.h>
#include "linux.h"

static void print_digest(const struct image *image)
{
	struct sha256_context ctx;
	uint8_t digest[32];
	unsigned i;

	sha256_init(&ctx);
	sha256_update(&ctx, image->data, image->len);
	sha256_final(&ctx, digest);
	printf("FETCHED %s %zu ", image->name, image->len);
	for (i = 0; i < sizeof(digest); i++)
		printf("%02x", digest[i]);
	printf("\n");
}

int linux_fetch(void)
{
	struct image *images[LINUX_MAX_FETCHES];
	unsigned i;
	int rc;

	probe_devices();
	rc = image_fetch_parallel(linux_options.fetches,
				  linux_options.fetch_count, images);
	for (i = 0; i < linux_options.fetch_count; i++) {
		if (images[i])
			print_digest(images[i]);
	}
	remove_devices();
	return rc;
}
