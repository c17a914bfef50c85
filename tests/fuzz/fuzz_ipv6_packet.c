/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ipv6_packet.c src/core/string.c
/* The IPv6 extension-header walk on arbitrary bytes: whatever it
 * accepts must lie inside the packet, and a problem it reports must
 * point inside it. */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define ipv6_parse wb_ipv6_parse
#include <net/ipv6_packet.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that ASan sees any read past the end. */
	uint8_t *packet = malloc(size ? size : 1);
	struct ipv6_parsed parsed;
	int rc;

	if (!packet)
		return 0;
	memcpy(packet, data, size);
	rc = ipv6_parse(packet, size, &parsed);
	if (rc == 0) {
		if (parsed.total_len > size || parsed.header_len > parsed.total_len ||
		    parsed.header_len < IPV6_HLEN)
			abort();
		if (parsed.fragment && (parsed.frag_offset & 7))
			abort();
	} else if (rc == -EPROTO) {
		if (parsed.problem_offset >= size)
			abort();
	} else if (rc != -EINVAL) {
		abort();
	}
	free(packet);
	return 0;
}
