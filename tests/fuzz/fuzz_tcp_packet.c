/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tcp_packet.c
/*
 * The TCP segment parser on any bytes, then what it found built back
 * into options and parsed again: the second parse must find the same
 * options (building writes only what parsing accepts), less SACK blocks
 * that no longer fit beside the others (building leaves the last out).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define tcp_parse wb_tcp_parse
#define tcp_options_len wb_tcp_options_len
#define tcp_build_options wb_tcp_build_options
#include <net/tcp_packet.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Exact size: ASan sees any read past the segment. */
	uint8_t *copy = malloc(size ? size : 1), rebuilt[TCP_MAX_HLEN];
	struct tcp_segment seg, again;
	size_t optlen;

	if (size)
		memcpy(copy, data, size);
	if (tcp_parse(copy, size, &seg) == 0) {
		if (seg.hlen < TCP_HLEN || seg.hlen > size ||
		    seg.hlen + seg.data_len != size)
			abort();
		memset(rebuilt, 0, sizeof(rebuilt));
		memcpy(rebuilt, copy, TCP_HLEN);
		optlen = tcp_options_len(&seg.opts);
		if (optlen > TCP_MAX_OPTLEN || optlen % 4 ||
		    tcp_build_options(rebuilt + TCP_HLEN, &seg.opts) != optlen)
			abort();
		rebuilt[12] = (uint8_t)(((TCP_HLEN + optlen) / 4) << 4);
		if (tcp_parse(rebuilt, TCP_HLEN + optlen, &again) != 0 ||
		    (again.opts.present | TCP_HAVE_SACK) !=
		    (seg.opts.present | TCP_HAVE_SACK) ||
		    !(again.opts.present & TCP_HAVE_SACK) != !again.opts.sack_count ||
		    again.opts.mss != seg.opts.mss ||
		    again.opts.wscale != seg.opts.wscale ||
		    again.opts.tsval != seg.opts.tsval ||
		    again.opts.tsecr != seg.opts.tsecr ||
		    again.opts.sack_count > seg.opts.sack_count ||
		    (again.opts.sack_count < seg.opts.sack_count &&
		     TCP_HLEN + optlen + 8 <= TCP_MAX_HLEN) ||
		    memcmp(again.opts.sack, seg.opts.sack,
			   again.opts.sack_count * sizeof(seg.opts.sack[0])))
			abort();
	}
	free(copy);
	return 0;
}
