/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_TCP_PACKET_H
#define NET_TCP_PACKET_H

/*
 * TCP segments on the wire (RFC 9293 section 3.1) and the options this
 * stack speaks: MSS, window scale and timestamps (RFC 7323), SACK-permitted
 * and SACK blocks (RFC 2018). Parsing is pure and defensive: a segment whose
 * header or options do not fit what was received is refused as a whole; an
 * option of a known kind with the wrong length is ignored (as if absent),
 * since a peer's odd option must not cost us the segment. Building writes
 * the options the caller marks present, padded to a multiple of 4.
 *
 * Sequence numbers compare modulo 2^32 (seq_lt() and friends).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TCP_HLEN 20
#define TCP_MAX_HLEN 60
#define TCP_MAX_OPTLEN (TCP_MAX_HLEN - TCP_HLEN)

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20

/* Option kinds (RFC 9293, 7323, 2018). */
#define TCP_OPT_END 0
#define TCP_OPT_NOP 1
#define TCP_OPT_MSS 2
#define TCP_OPT_WSCALE 3
#define TCP_OPT_SACK_OK 4
#define TCP_OPT_SACK 5
#define TCP_OPT_TS 8

/* Flags of struct tcp_options.present. */
#define TCP_HAVE_MSS 0x01
#define TCP_HAVE_WSCALE 0x02
#define TCP_HAVE_SACK_OK 0x04
#define TCP_HAVE_TS 0x08
#define TCP_HAVE_SACK 0x10

/* The largest shift RFC 7323 allows; a larger one is taken as this. */
#define TCP_MAX_WSCALE 14
/* SACK blocks that fit: 4 alone, 3 beside a timestamp. */
#define TCP_MAX_SACK 4

/* Bytes of option space: MSS 4, WS 3+1, SACK_OK 2+2, TS 10+2, SACK 2+8n. */
#define TCP_TS_OPTLEN 12

struct tcp_header {
	uint16_t src;
	uint16_t dest;
	uint32_t seq;
	uint32_t ack;
	uint8_t hlen;		/* data offset in the high 4 bits */
	uint8_t flags;
	uint16_t window;
	uint16_t chksum;
	uint16_t urgent;
};

struct tcp_sack_block {
	uint32_t left;		/* first sequence number held */
	uint32_t right;		/* the one after the last held */
};

struct tcp_options {
	unsigned present;	/* TCP_HAVE_* */
	uint16_t mss;
	uint8_t wscale;
	uint32_t tsval;
	uint32_t tsecr;
	unsigned sack_count;
	struct tcp_sack_block sack[TCP_MAX_SACK];
};

/* A received segment, in host byte order. */
struct tcp_segment {
	uint16_t src_port;
	uint16_t dest_port;
	uint32_t seq;
	uint32_t ack;
	uint8_t flags;
	uint16_t window;	/* as sent: not yet scaled */
	size_t hlen;		/* header with options */
	size_t data_len;	/* what follows the header */
	struct tcp_options opts;
};

/* Parses len bytes of a segment (the checksum is the caller's): 0, or
 * -EINVAL if it is too short, its data offset is below 5 or past the end,
 * or an option runs past the header. */
int tcp_parse(const void *data, size_t len, struct tcp_segment *seg);

/* Bytes the options in opts take once built (a multiple of 4, at most
 * TCP_MAX_OPTLEN: SACK blocks that do not fit are left out). */
size_t tcp_options_len(const struct tcp_options *opts);
/* Writes them into buf (tcp_options_len() bytes); returns that length. */
size_t tcp_build_options(uint8_t *buf, const struct tcp_options *opts);

/* Sequence space arithmetic modulo 2^32 (RFC 9293 section 3.4). */
static inline bool seq_lt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

static inline bool seq_le(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) <= 0;
}

static inline bool seq_gt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) > 0;
}

static inline bool seq_ge(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) >= 0;
}

static inline uint32_t seq_max(uint32_t a, uint32_t b)
{
	return seq_gt(a, b) ? a : b;
}

#endif
