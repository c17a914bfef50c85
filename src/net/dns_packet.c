/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DNS query building and answer parsing (see net/dns_packet.h). Answers are
 * untrusted: every read is checked against the message's end, names are
 * limited to 255 bytes, and compression pointers may only go backwards past
 * every part read so far, which makes loops impossible.
 */

#include <errno.h>
#include <string.h>
#include <net/dns_packet.h>
#include <wireboot/byteorder.h>

#define DNS_LABEL_MAX 63
#define DNS_POINTER 0xc0

int dns_build_query(void *buf, size_t len, uint16_t id, const char *name)
{
	uint8_t *out = buf;
	struct dnshdr *hdr = buf;
	size_t pos = sizeof(*hdr);
	size_t name_len = strlen(name);

	if (name_len == 0 || name_len >= DNS_NAME_MAX)
		return -EINVAL;
	/* Labels, the root label, type and class. */
	if (len < sizeof(*hdr) + name_len + 2 + 4)
		return -ENOSPC;
	memset(hdr, 0, sizeof(*hdr));
	hdr->id = id;
	hdr->flags = htons(DNS_FLAG_RECURSION_DESIRED);
	hdr->qdcount = htons(1);

	while (*name) {
		size_t label = strcspn(name, ".");

		if (label == 0 || label > DNS_LABEL_MAX)
			return -EINVAL;
		out[pos++] = (uint8_t)label;
		memcpy(&out[pos], name, label);
		pos += label;
		name += label;
		if (*name == '.') {
			name++;
			/* A trailing dot means the same fully qualified name. */
			if (!*name)
				break;
		}
	}
	out[pos++] = 0;
	out[pos++] = 0;
	out[pos++] = DNS_TYPE_A;
	out[pos++] = 0;
	out[pos++] = DNS_CLASS_IN;
	return (int)pos;
}

int dns_decode_name(const uint8_t *msg, size_t len, size_t *offset,
		    char *text, size_t text_len)
{
	size_t pos = *offset, limit = *offset, out = 0;
	size_t wire_len = 1;	/* the root label */
	bool jumped = false;

	if (text_len == 0)
		return -EINVAL;
	for (;;) {
		unsigned label;

		if (pos >= len)
			return -EINVAL;
		label = msg[pos];
		if ((label & DNS_POINTER) == DNS_POINTER) {
			size_t target;

			if (pos + 1 >= len)
				return -EINVAL;
			target = (size_t)(label & ~DNS_POINTER) << 8 | msg[pos + 1];
			if (target >= limit)
				return -EINVAL;
			if (!jumped)
				*offset = pos + 2;
			jumped = true;
			pos = limit = target;
			continue;
		}
		if (label & DNS_POINTER)	/* 0x40 and 0x80: obsolete types */
			return -EINVAL;
		if (label == 0)
			break;
		wire_len += label + 1;
		if (pos + 1 + label > len || wire_len > 255)
			return -EINVAL;
		if (out + (out ? 1 : 0) + label >= text_len)
			return -EINVAL;
		if (out)
			text[out++] = '.';
		memcpy(&text[out], &msg[pos + 1], label);
		out += label;
		pos += 1 + label;
	}
	text[out] = '\0';
	if (!jumped)
		*offset = pos + 1;
	return 0;
}

static uint16_t read16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Text names compare without case and without a trailing dot. */
static bool same_name(const char *a, const char *b)
{
	size_t a_len = strlen(a), b_len = strlen(b);

	if (a_len && a[a_len - 1] == '.')
		a_len--;
	if (b_len && b[b_len - 1] == '.')
		b_len--;
	return a_len == b_len && strncasecmp(a, b, a_len) == 0;
}

int dns_parse_response(const void *data, size_t len, uint16_t id,
		       const char *name, struct dns_answer *answer)
{
	const uint8_t *msg = data;
	const struct dnshdr *hdr = data;
	char owner[DNS_NAME_MAX], current[DNS_NAME_MAX];
	size_t pos = sizeof(*hdr);
	unsigned flags, count, i;
	bool aliased = false;

	memset(answer, 0, sizeof(*answer));
	if (len < sizeof(*hdr) || hdr->id != id)
		return -EINVAL;
	flags = ntohs(hdr->flags);
	if (!(flags & DNS_FLAG_RESPONSE) || (flags & DNS_FLAG_OPCODE))
		return -EINVAL;
	if ((flags & DNS_RCODE_MASK) == DNS_RCODE_NXDOMAIN)
		return -ENOENT;
	if (flags & DNS_RCODE_MASK)
		return -EIO;
	if (strlcpy(current, name, sizeof(current)) >= sizeof(current))
		return -EINVAL;

	count = ntohs(hdr->qdcount);
	for (i = 0; i < count; i++) {
		if (dns_decode_name(msg, len, &pos, owner, sizeof(owner)) ||
		    len - pos < 4)
			goto truncated;
		pos += 4;
	}

	count = ntohs(hdr->ancount);
	for (i = 0; i < count; i++) {
		unsigned type, class;
		size_t rdlen, rdata;

		if (dns_decode_name(msg, len, &pos, owner, sizeof(owner)) ||
		    len - pos < 10)
			goto truncated;
		type = read16(&msg[pos]);
		class = read16(&msg[pos + 2]);
		rdlen = read16(&msg[pos + 8]);
		rdata = pos + 10;
		if (rdlen > len - rdata)
			goto truncated;
		pos = rdata + rdlen;
		if (class != DNS_CLASS_IN || !same_name(owner, current))
			continue;
		if (type == DNS_TYPE_A && rdlen == 4) {
			memcpy(&answer->address, &msg[rdata], 4);
			answer->has_address = true;
			return 0;
		}
		if (type == DNS_TYPE_CNAME) {
			size_t target = rdata;

			if (dns_decode_name(msg, rdata + rdlen, &target, current,
					    sizeof(current)) ||
			    target != rdata + rdlen)
				return -EINVAL;
			aliased = true;
		}
	}
	if (aliased) {
		strlcpy(answer->cname, current, sizeof(answer->cname));
		return 0;
	}
	return (flags & DNS_FLAG_TRUNCATED) ? -EMSGSIZE : -ENOENT;

truncated:
	return (flags & DNS_FLAG_TRUNCATED) ? -EMSGSIZE : -EINVAL;
}
