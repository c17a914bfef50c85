/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ndp_options.c src/core/string.c
/* Neighbour discovery options on arbitrary bytes (the first byte picks
 * the link-layer address length): what the parser keeps must be within
 * its bounds. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define ndp_parse_options wb_ndp_parse_options
#include <net/ndp_options.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ndp_options opts;
	size_t ll_len;
	uint8_t *copy;
	unsigned i;

	if (size < 1)
		return 0;
	ll_len = data[0] % 20;
	copy = malloc(size - 1 ? size - 1 : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	if (ndp_parse_options(copy, size - 1, ll_len, &opts) == 0) {
		if (opts.prefix_count > NDP_MAX_PREFIXES ||
		    opts.dns_count > NDP_MAX_DNS)
			abort();
		for (i = 0; i < opts.prefix_count; i++) {
			if (opts.prefixes[i].len > 128)
				abort();
		}
	}
	free(copy);
	return 0;
}
