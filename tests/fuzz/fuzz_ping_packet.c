/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ping_packet.c src/core/string.c
/* Echo replies from arbitrary bytes, as ICMP and ICMPv6 types: a message
 * accepted has a length that fits what was given, and building the same
 * reply again gives the same bytes. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define echo_build wb_echo_build
#define echo_parse wb_echo_parse
#include <net/ping_packet.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t types[] = { 0, 129 };
	uint16_t ident, seq;
	size_t i;

	for (i = 0; i < sizeof(types); i++) {
		int len = wb_echo_parse(data, size, types[i], &ident, &seq);
		uint8_t *copy;

		if (len < 0)
			continue;
		if ((size_t)len + 8 != size)
			__builtin_trap();
		copy = malloc(size);
		if (wb_echo_build(copy, size, types[i], ident, seq,
				  (size_t)len) != (int)size)
			__builtin_trap();
		/* All but the checksum, which the parser leaves alone. */
		if (memcmp(copy, data, 2) || memcmp(copy + 4, data + 4, size - 4))
			__builtin_trap();
		free(copy);
	}
	return 0;
}
