/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TCP segment parsing and option building (see net/tcp_packet.h). The
 * parser reads untrusted bytes one at a time (no alignment assumed) and
 * checks every length against the header before reading what it covers.
 */

#include <errno.h>
#include <string.h>
#include <net/tcp_packet.h>

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint8_t *put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	p = put16(p, (uint16_t)(v >> 16));
	return put16(p, (uint16_t)v);
}

/* One option of a known kind; a wrong length leaves it out. */
static void parse_option(unsigned kind, const uint8_t *value, size_t len,
			 struct tcp_options *opts)
{
	unsigned i;

	switch (kind) {
	case TCP_OPT_MSS:
		if (len == 2) {
			opts->present |= TCP_HAVE_MSS;
			opts->mss = get16(value);
		}
		break;
	case TCP_OPT_WSCALE:
		if (len == 1) {
			opts->present |= TCP_HAVE_WSCALE;
			opts->wscale = value[0] > TCP_MAX_WSCALE ?
				       TCP_MAX_WSCALE : value[0];
		}
		break;
	case TCP_OPT_SACK_OK:
		if (len == 0)
			opts->present |= TCP_HAVE_SACK_OK;
		break;
	case TCP_OPT_TS:
		if (len == 8) {
			opts->present |= TCP_HAVE_TS;
			opts->tsval = get32(value);
			opts->tsecr = get32(value + 4);
		}
		break;
	case TCP_OPT_SACK:
		if (len && len % 8 == 0 && len / 8 <= TCP_MAX_SACK) {
			opts->present |= TCP_HAVE_SACK;
			opts->sack_count = (unsigned)(len / 8);
			for (i = 0; i < opts->sack_count; i++) {
				opts->sack[i].left = get32(value + 8 * i);
				opts->sack[i].right = get32(value + 8 * i + 4);
			}
		}
		break;
	default:
		break;
	}
}

static int parse_options(const uint8_t *area, size_t len,
			 struct tcp_options *opts)
{
	size_t pos = 0;

	while (pos < len) {
		unsigned kind = area[pos];
		size_t opt_len;

		if (kind == TCP_OPT_END)
			return 0;
		if (kind == TCP_OPT_NOP) {
			pos++;
			continue;
		}
		if (len - pos < 2)
			return -EINVAL;
		opt_len = area[pos + 1];
		if (opt_len < 2 || opt_len > len - pos)
			return -EINVAL;
		parse_option(kind, area + pos + 2, opt_len - 2, opts);
		pos += opt_len;
	}
	return 0;
}

int tcp_parse(const void *data, size_t len, struct tcp_segment *seg)
{
	const uint8_t *bytes = data;

	memset(seg, 0, sizeof(*seg));
	if (len < TCP_HLEN)
		return -EINVAL;
	seg->hlen = (size_t)(bytes[12] >> 4) * 4;
	if (seg->hlen < TCP_HLEN || seg->hlen > len)
		return -EINVAL;
	seg->src_port = get16(bytes);
	seg->dest_port = get16(bytes + 2);
	seg->seq = get32(bytes + 4);
	seg->ack = get32(bytes + 8);
	seg->flags = bytes[13];
	seg->window = get16(bytes + 14);
	seg->data_len = len - seg->hlen;
	return parse_options(bytes + TCP_HLEN, seg->hlen - TCP_HLEN,
			     &seg->opts);
}

/* SACK blocks that fit beside the other options. */
static unsigned sack_fit(const struct tcp_options *opts, size_t fixed)
{
	unsigned count = opts->sack_count;

	if (!(opts->present & TCP_HAVE_SACK) || !count)
		return 0;
	if (count > TCP_MAX_SACK)
		count = TCP_MAX_SACK;
	while (count && fixed + 4 + 8 * count > TCP_MAX_OPTLEN)
		count--;
	return count;
}

static size_t fixed_len(const struct tcp_options *opts)
{
	return ((opts->present & TCP_HAVE_MSS) ? 4 : 0) +
	       ((opts->present & TCP_HAVE_WSCALE) ? 4 : 0) +
	       ((opts->present & TCP_HAVE_SACK_OK) ? 4 : 0) +
	       ((opts->present & TCP_HAVE_TS) ? TCP_TS_OPTLEN : 0);
}

size_t tcp_options_len(const struct tcp_options *opts)
{
	size_t fixed = fixed_len(opts);
	unsigned sacks = sack_fit(opts, fixed);

	return fixed + (sacks ? 4 + 8 * sacks : 0);
}

/* Every option is aligned the way RFC 7323 appendix A suggests: NOPs
 * in front so that 32-bit fields sit on 32-bit boundaries. */
size_t tcp_build_options(uint8_t *buf, const struct tcp_options *opts)
{
	unsigned sacks = sack_fit(opts, fixed_len(opts)), i;
	uint8_t *p = buf;

	if (opts->present & TCP_HAVE_MSS) {
		*p++ = TCP_OPT_MSS;
		*p++ = 4;
		p = put16(p, opts->mss);
	}
	if (opts->present & TCP_HAVE_WSCALE) {
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_WSCALE;
		*p++ = 3;
		*p++ = opts->wscale;
	}
	if (opts->present & TCP_HAVE_SACK_OK) {
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_SACK_OK;
		*p++ = 2;
	}
	if (opts->present & TCP_HAVE_TS) {
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_TS;
		*p++ = 10;
		p = put32(p, opts->tsval);
		p = put32(p, opts->tsecr);
	}
	if (sacks) {
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_NOP;
		*p++ = TCP_OPT_SACK;
		*p++ = (uint8_t)(2 + 8 * sacks);
		for (i = 0; i < sacks; i++) {
			p = put32(p, opts->sack[i].left);
			p = put32(p, opts->sack[i].right);
		}
	}
	return (size_t)(p - buf);
}
