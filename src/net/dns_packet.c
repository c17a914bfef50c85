/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DNS query building and answer parsing (see net/dns_packet.h). Answers are
 * untrusted: every read is checked against the message's end, names are
 * limited to 255 bytes, and compression pointers may only go backwards past
 * every part read so far, which makes loops impossible. An answer must
 * repeat the question asked (name, type, class), so that a late answer to
 * another question is never taken for this one.
 */

#include <errno.h>
#include <string.h>
#include <net/dns_packet.h>
#include <wireboot/byteorder.h>

#define DNS_LABEL_MAX 63
#define DNS_POINTER 0xc0

int dns_build_query(void *buf, size_t len, uint16_t id, const char *name,
		    unsigned qtype)
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
	out[pos++] = (uint8_t)(qtype >> 8);
	out[pos++] = (uint8_t)qtype;
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

/* RFC 2181 section 8: a TTL with the top bit set means zero. */
static uint32_t read_ttl(const uint8_t *p)
{
	uint32_t ttl = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | p[3];

	return ttl & 0x80000000U ? 0 : ttl;
}

static uint32_t min_ttl(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

bool dns_same_name(const char *a, const char *b)
{
	size_t a_len = strlen(a), b_len = strlen(b);

	if (a_len && a[a_len - 1] == '.')
		a_len--;
	if (b_len && b[b_len - 1] == '.')
		b_len--;
	return a_len == b_len && strncasecmp(a, b, a_len) == 0;
}

size_t dns_address_len(unsigned qtype)
{
	switch (qtype) {
	case DNS_TYPE_A:
		return 4;
	case DNS_TYPE_AAAA:
		return 16;
	}
	return 0;
}

/* One resource record's fixed part, read at *pos (which moves past the
 * whole record). */
struct dns_rr {
	char owner[DNS_NAME_MAX];
	unsigned type, class;
	uint32_t ttl;
	size_t rdata, rdlen;
};

static int read_rr(const uint8_t *msg, size_t len, size_t *pos,
		   struct dns_rr *rr)
{
	if (dns_decode_name(msg, len, pos, rr->owner, sizeof(rr->owner)) ||
	    len - *pos < 10)
		return -EINVAL;
	rr->type = read16(&msg[*pos]);
	rr->class = read16(&msg[*pos + 2]);
	rr->ttl = read_ttl(&msg[*pos + 4]);
	rr->rdlen = read16(&msg[*pos + 8]);
	rr->rdata = *pos + 10;
	if (rr->rdlen > len - rr->rdata)
		return -EINVAL;
	*pos = rr->rdata + rr->rdlen;
	return 0;
}

/* The question must be the one asked: an answer to another name or type
 * (a late answer to an earlier question with a colliding id, or a forged
 * one) is not this answer (-EINVAL). A question cut short is -EBADMSG. */
static int check_question(const uint8_t *msg, size_t len, size_t *pos,
			  const char *name, unsigned qtype)
{
	char asked[DNS_NAME_MAX];

	if (dns_decode_name(msg, len, pos, asked, sizeof(asked)) ||
	    len - *pos < 4)
		return -EBADMSG;
	if (!dns_same_name(asked, name) || read16(&msg[*pos]) != qtype ||
	    read16(&msg[*pos + 2]) != DNS_CLASS_IN)
		return -EINVAL;
	*pos += 4;
	return 0;
}

/* RFC 2308: how long a negative answer may be kept is the SOA record's in
 * the authority section: the smaller of its TTL and its MINIMUM field. No
 * SOA, or a malformed one: 0, not kept. */
static uint32_t negative_ttl(const uint8_t *msg, size_t len, size_t pos,
			     unsigned nscount)
{
	struct dns_rr rr;
	char skip[DNS_NAME_MAX];
	unsigned i;

	for (i = 0; i < nscount; i++) {
		size_t field;

		if (read_rr(msg, len, &pos, &rr))
			return 0;
		if (rr.type != DNS_TYPE_SOA || rr.class != DNS_CLASS_IN)
			continue;
		field = rr.rdata;
		/* MNAME and RNAME, then five 32-bit fields, MINIMUM last. */
		if (dns_decode_name(msg, rr.rdata + rr.rdlen, &field, skip,
				    sizeof(skip)) ||
		    dns_decode_name(msg, rr.rdata + rr.rdlen, &field, skip,
				    sizeof(skip)) ||
		    rr.rdata + rr.rdlen - field != 20)
			return 0;
		return min_ttl(rr.ttl, read_ttl(&msg[field + 16]));
	}
	return 0;
}

int dns_parse_response(const void *data, size_t len, uint16_t id,
		       const char *name, unsigned qtype,
		       struct dns_answer *answer)
{
	const uint8_t *msg = data;
	const struct dnshdr *hdr = data;
	char current[DNS_NAME_MAX];
	size_t pos = sizeof(*hdr), address_len = dns_address_len(qtype);
	unsigned flags, rcode, count, i;
	uint32_t ttl = UINT32_MAX;
	int rc;
	bool aliased = false;
	struct dns_rr rr;

	memset(answer, 0, sizeof(*answer));
	if (len < sizeof(*hdr) || hdr->id != id || !address_len)
		return -EINVAL;
	flags = ntohs(hdr->flags);
	rcode = flags & DNS_RCODE_MASK;
	if (!(flags & DNS_FLAG_RESPONSE) || (flags & DNS_FLAG_OPCODE))
		return -EINVAL;
	if (strlcpy(current, name, sizeof(current)) >= sizeof(current))
		return -EINVAL;
	/* A server failure may come without the question (RFC 1035 leaves
	 * it open); anything else must repeat it. */
	if (rcode && rcode != DNS_RCODE_NXDOMAIN && hdr->qdcount == 0)
		return -EIO;
	if (ntohs(hdr->qdcount) != 1)
		return -EINVAL;
	rc = check_question(msg, len, &pos, name, qtype);
	if (rc == -EBADMSG)
		goto truncated;
	if (rc)
		return rc;
	if (rcode && rcode != DNS_RCODE_NXDOMAIN)
		return -EIO;

	count = ntohs(hdr->ancount);
	for (i = 0; i < count; i++) {
		if (read_rr(msg, len, &pos, &rr))
			goto truncated;
		if (rr.class != DNS_CLASS_IN || !dns_same_name(rr.owner, current))
			continue;
		if (rr.type == qtype && rr.rdlen == address_len &&
		    rcode == 0) {
			memcpy(answer->address, &msg[rr.rdata], address_len);
			answer->address_len = address_len;
			answer->ttl = min_ttl(ttl, rr.ttl);
			return 0;
		}
		if (rr.type == DNS_TYPE_CNAME) {
			size_t target = rr.rdata;

			if (dns_decode_name(msg, rr.rdata + rr.rdlen, &target,
					    current, sizeof(current)) ||
			    target != rr.rdata + rr.rdlen)
				return -EINVAL;
			ttl = min_ttl(ttl, rr.ttl);
			aliased = true;
		}
	}
	if (aliased && rcode == 0) {
		strlcpy(answer->cname, current, sizeof(answer->cname));
		answer->ttl = ttl;
		return 0;
	}
	if (flags & DNS_FLAG_TRUNCATED)
		return -EMSGSIZE;
	/* No such name, or no record of this type: a negative answer. */
	answer->no_name = rcode == DNS_RCODE_NXDOMAIN;
	answer->ttl = min_ttl(ttl, negative_ttl(msg, len, pos,
						ntohs(hdr->nscount)));
	return -ENOENT;

truncated:
	return (flags & DNS_FLAG_TRUNCATED) ? -EMSGSIZE : -EINVAL;
}
