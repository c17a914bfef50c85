/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dns_packet.c src/core/string.c
/* DNS answers from arbitrary bytes: the whole response parser (A and
 * AAAA questions, negative answers' SOA records), and name decoding
 * (compression pointers, loops) at every offset. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define dns_build_query wb_dns_build_query
#define dns_decode_name wb_dns_decode_name
#define dns_parse_response wb_dns_parse_response
#include <net/dns_packet.h>

size_t wb_strlen(const char *s);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dns_answer answer;
	char name[DNS_NAME_MAX];
	size_t start;

	if (size >= 2) {
		static const unsigned types[] = { DNS_TYPE_A, DNS_TYPE_AAAA };
		uint16_t id;
		size_t i;

		memcpy(&id, data, 2);
		for (i = 0; i < 2; i++) {
			int rc = wb_dns_parse_response(data, size, id,
						       "boot.example", types[i],
						       &answer);

			if (answer.cname[0] &&
			    wb_strlen(answer.cname) >= DNS_NAME_MAX)
				__builtin_trap();
			/* An address has exactly the type's length. */
			if (rc == 0 && answer.address_len &&
			    answer.address_len != (i ? 16u : 4u))
				__builtin_trap();
			if (rc != 0 && answer.address_len)
				__builtin_trap();
		}
	}
	for (start = 0; start < size && start < 64; start++) {
		size_t offset = start;

		if (wb_dns_decode_name(data, size, &offset, name, sizeof(name)) == 0 &&
		    (offset > size || offset <= start))
			__builtin_trap();
	}
	return 0;
}
