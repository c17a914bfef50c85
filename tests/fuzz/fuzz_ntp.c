/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ntp_packet.c src/core/string.c
/* SNTP replies from arbitrary bytes, the nonce taken from the originate
 * timestamp's place (so the parser gets past it): what it accepts has a
 * time and a stratum that make sense, a kiss code is printable. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ntp_parse_reply wb_ntp_parse_reply
#include <net/ntp_packet.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ntp_reply reply;
	uint64_t nonce = 0;
	size_t i;
	int rc;

	for (i = 0; i < 8 && 24 + i < size; i++)
		nonce = nonce << 8 | data[24 + i];
	rc = wb_ntp_parse_reply(data, size, nonce, &reply);
	if (rc == 0 && (reply.stratum < 1 || reply.stratum > 15 ||
			reply.seconds < -2208988800LL ||
			reply.seconds >= 4294967296LL + 2208988800LL))
		__builtin_trap();
	if (rc == 0 && size < NTP_PACKET_LEN)
		__builtin_trap();
	for (i = 0; i < 4 && reply.kiss[i]; i++) {
		if (reply.kiss[i] < 0x20 || reply.kiss[i] > 0x7e)
			__builtin_trap();
	}
	return 0;
}
