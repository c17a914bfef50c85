/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dhcpv6_packet.c src/core/string.c
/* DHCPv6 messages on arbitrary bytes: identifiers within their bounds,
 * every text terminated. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define dhcpv6_parse wb_dhcpv6_parse
#include <net/dhcpv6_packet.h>

static void check_text(const char *text)
{
	if (!memchr(text, '\0', DHCPV6_TEXT_MAX))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	struct dhcpv6_message msg;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	if (dhcpv6_parse(copy, size, &msg) == 0) {
		if (msg.server_id_len > DHCPV6_ID_MAX ||
		    msg.client_id_len > DHCPV6_ID_MAX ||
		    msg.dns_count > DHCPV6_MAX_DNS || msg.xid > 0xffffff)
			abort();
		check_text(msg.domain);
		check_text(msg.bootfile_url);
		check_text(msg.bootfile_param);
	}
	free(copy);
	return 0;
}
