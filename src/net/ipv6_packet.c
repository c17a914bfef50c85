/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The IPv6 extension-header walk (see net/ipv6_packet.h). Every length
 * is checked against what is left before it is used. The rules that
 * decide whether to answer with an error are RFC 8200's: hop-by-hop
 * options only first, options whose type says so, and a routing header
 * we would have to act on (we are a host, and know no routing type worth
 * following) all bring a parameter problem; the rest is dropped quietly.
 */

#include <errno.h>
#include <string.h>
#include <net/ipv6_packet.h>
#include <wireboot/byteorder.h>

/* Options of hop-by-hop and destination-options headers: type, length,
 * data; Pad1 alone has no length. */
#define OPT_PAD1 0
#define OPT_PADN 1

static int problem(struct ipv6_parsed *out, uint8_t code, size_t offset)
{
	out->problem_code = code;
	out->problem_offset = offset;
	return -EPROTO;
}

/* The options of the header at offset hdr, len bytes in all. */
static int parse_options(const uint8_t *bytes, size_t hdr, size_t len,
			 struct ipv6_parsed *out)
{
	size_t at = hdr + 2, end = hdr + len;

	while (at < end) {
		uint8_t type = bytes[at];

		if (type == OPT_PAD1) {
			at++;
			continue;
		}
		if (at + 2 > end || at + 2 + bytes[at + 1] > end)
			return -EINVAL;
		if (type != OPT_PADN) {
			/* The top two bits say what to do with an option we
			 * do not know (RFC 8200 section 4.2). */
			switch (type >> 6) {
			case 0:
				break;
			case 1:
				return -EINVAL;
			default:
				return problem(out, IPV6_PROBLEM_OPTION, at);
			}
		}
		at += 2 + bytes[at + 1];
	}
	return 0;
}

int ipv6_parse(const void *data, size_t len, struct ipv6_parsed *out)
{
	const uint8_t *bytes = data;
	const struct ipv6_header *hdr = data;
	size_t at = IPV6_HLEN, total, next_at;
	uint8_t next;
	int rc;

	memset(out, 0, sizeof(*out));
	if (len < IPV6_HLEN || (bytes[0] >> 4) != IPV6_VERSION)
		return -EINVAL;
	total = IPV6_HLEN + ntohs(hdr->len);
	if (total > len)
		return -EINVAL;
	out->total_len = total;
	next = hdr->next_header;
	next_at = 6;	/* where the field naming the next header lies */
	while (1) {
		size_t ext_len;

		switch (next) {
		case IPV6_HOPOPTS:
			/* Only straight after the IPv6 header. */
			if (at != IPV6_HLEN)
				return problem(out, IPV6_PROBLEM_NEXT_HEADER,
					       next_at);
			/* fall through */
		case IPV6_DSTOPTS:
		case IPV6_ROUTING:
			if (at + 8 > total)
				return -EINVAL;
			ext_len = 8 + (size_t)bytes[at + 1] * 8;
			if (at + ext_len > total)
				return -EINVAL;
			if (next == IPV6_ROUTING) {
				/* Segments left: a hop we would have to be. */
				if (bytes[at + 3] != 0)
					return problem(out, IPV6_PROBLEM_HEADER,
						       at + 2);
			} else {
				rc = parse_options(bytes, at, ext_len, out);
				if (rc)
					return rc;
			}
			break;
		case IPV6_FRAGMENT: {
			struct ipv6_fragment_header frag;
			uint16_t offset_flags;

			if (at + sizeof(frag) > total)
				return -EINVAL;
			memcpy(&frag, &bytes[at], sizeof(frag));
			offset_flags = ntohs(frag.offset_flags);
			ext_len = sizeof(frag);
			/* An atomic fragment (offset 0, no more) is the whole
			 * datagram: parse on (RFC 6946). */
			if (offset_flags & (IPV6_FRAG_OFFSET_MASK |
					    IPV6_FRAG_MORE)) {
				out->fragment = true;
				out->frag_offset =
					offset_flags & IPV6_FRAG_OFFSET_MASK;
				out->more_fragments =
					offset_flags & IPV6_FRAG_MORE;
				out->ident = frag.ident;
				out->protocol = frag.next_header;
				out->header_len = at + ext_len;
				return 0;
			}
			break;
		}
		default:
			out->protocol = next;
			out->header_len = at;
			return 0;
		}
		next_at = at;
		next = bytes[at];
		at += ext_len;
	}
}
