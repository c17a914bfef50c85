/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DHCPv6 messages (see net/dhcpv6_packet.h). The parser walks the
 * top-level options once; an IA_NA is walked for its first address and
 * status. Nothing is read before its length has been checked against
 * what is left.
 */

#include <errno.h>
#include <string.h>
#include <net/dhcpv6_packet.h>

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Calls each option of data[0..len): -EINVAL if one runs past the end. */
#define for_each_dhcpv6_option(data, len, at, code, opt, opt_len)           \
	for ((at) = 0;                                                       \
	     (at) + 4 <= (len) &&                                            \
	     ((code) = get16(&(data)[(at)]), (opt_len) = get16(&(data)[(at) + 2]), \
	      (opt) = &(data)[(at) + 4], 1) &&                               \
	     (at) + 4 + (opt_len) <= (len);                                  \
	     (at) += 4 + (opt_len))

static bool options_complete(size_t at, size_t len)
{
	return at == len;
}

static void copy_text(char *out, const uint8_t *data, size_t len)
{
	if (len >= DHCPV6_TEXT_MAX)
		len = DHCPV6_TEXT_MAX - 1;
	memcpy(out, data, len);
	out[len] = '\0';
	/* A NUL inside ends the text. */
	out[strnlen(out, len)] = '\0';
}

/* The first name of an RFC 1035 wire-format list, as dotted text. No
 * compression is allowed here (RFC 8415 section 10). */
static void parse_domain(char *out, const uint8_t *data, size_t len)
{
	size_t at = 0, used = 0;

	out[0] = '\0';
	while (at < len && data[at]) {
		size_t label = data[at];

		if (label > 63 || at + 1 + label > len ||
		    used + label + 2 > DHCPV6_TEXT_MAX) {
			out[0] = '\0';
			return;
		}
		if (used)
			out[used++] = '.';
		memcpy(&out[used], &data[at + 1], label);
		used += label;
		at += 1 + label;
	}
	out[used] = '\0';
}

/* Parameters: each a 16-bit length and its text (RFC 5970 3.2). */
static void parse_params(char *out, const uint8_t *data, size_t len)
{
	size_t at = 0, used = 0;

	out[0] = '\0';
	while (at + 2 <= len) {
		size_t param = get16(&data[at]);

		if (at + 2 + param > len || used + param + 2 > DHCPV6_TEXT_MAX)
			break;
		if (used)
			out[used++] = ' ';
		memcpy(&out[used], &data[at + 2], param);
		used += param;
		at += 2 + param;
	}
	out[used] = '\0';
	out[strnlen(out, used)] = '\0';
}

static int parse_ia_na(const uint8_t *data, size_t len,
		       struct dhcpv6_message *out)
{
	const uint8_t *opt;
	size_t at, opt_len;
	uint16_t code;

	/* IAID, T1, T2, then options. */
	if (len < 12)
		return -EINVAL;
	memcpy(&out->iaid, data, 4);
	data += 12;
	len -= 12;
	for_each_dhcpv6_option(data, len, at, code, opt, opt_len) {
		if (code == DHCPV6_OPT_STATUS_CODE && opt_len >= 2) {
			out->ia_status = get16(opt);
		} else if (code == DHCPV6_OPT_IAADDR && opt_len >= 24 &&
			   !out->has_address) {
			/* Its own options (a status) are not needed. */
			memcpy(out->address.s6_addr, opt, 16);
			out->preferred = get32(&opt[16]);
			out->valid = get32(&opt[20]);
			out->has_address = true;
		}
	}
	return options_complete(at, len) ? 0 : -EINVAL;
}

static int parse_option(uint16_t code, const uint8_t *opt, size_t len,
			struct dhcpv6_message *out)
{
	size_t i;

	switch (code) {
	case DHCPV6_OPT_SERVER_ID:
	case DHCPV6_OPT_CLIENT_ID:
		if (len == 0 || len > DHCPV6_ID_MAX)
			return -EINVAL;
		if (code == DHCPV6_OPT_SERVER_ID) {
			memcpy(out->server_id, opt, len);
			out->server_id_len = len;
		} else {
			memcpy(out->client_id, opt, len);
			out->client_id_len = len;
		}
		break;
	case DHCPV6_OPT_STATUS_CODE:
		if (len >= 2)
			out->status = get16(opt);
		break;
	case DHCPV6_OPT_PREFERENCE:
		if (len == 1)
			out->preference = opt[0];
		break;
	case DHCPV6_OPT_IA_NA:
		/* The first one is ours: we ask for one. */
		if (!out->has_ia) {
			out->has_ia = true;
			return parse_ia_na(opt, len, out);
		}
		break;
	case DHCPV6_OPT_DNS_SERVERS:
		if (len % 16)
			break;
		for (i = 0; i + 16 <= len && out->dns_count < DHCPV6_MAX_DNS;
		     i += 16)
			memcpy(out->dns[out->dns_count++].s6_addr, &opt[i], 16);
		break;
	case DHCPV6_OPT_DOMAIN_LIST:
		parse_domain(out->domain, opt, len);
		break;
	case DHCPV6_OPT_BOOTFILE_URL:
		copy_text(out->bootfile_url, opt, len);
		break;
	case DHCPV6_OPT_BOOTFILE_PARAM:
		parse_params(out->bootfile_param, opt, len);
		break;
	default:
		break;
	}
	return 0;
}

int dhcpv6_parse(const void *data, size_t len, struct dhcpv6_message *out)
{
	const uint8_t *bytes = data, *opt;
	size_t at, opt_len;
	uint16_t code;
	int rc;

	memset(out, 0, sizeof(*out));
	if (len < DHCPV6_HLEN)
		return -EINVAL;
	out->type = bytes[0];
	out->xid = (uint32_t)bytes[1] << 16 | (uint32_t)bytes[2] << 8 | bytes[3];
	bytes += DHCPV6_HLEN;
	len -= DHCPV6_HLEN;
	for_each_dhcpv6_option(bytes, len, at, code, opt, opt_len) {
		rc = parse_option(code, opt, opt_len, out);
		if (rc)
			return rc;
	}
	return options_complete(at, len) ? 0 : -EINVAL;
}

void dhcpv6_builder_init(struct dhcpv6_builder *b, void *buf, size_t len,
			 uint8_t type, uint32_t xid)
{
	b->buf = buf;
	b->len = len;
	b->used = 0;
	b->overflow = len < DHCPV6_HLEN;
	if (b->overflow)
		return;
	b->buf[0] = type;
	b->buf[1] = (uint8_t)(xid >> 16);
	b->buf[2] = (uint8_t)(xid >> 8);
	b->buf[3] = (uint8_t)xid;
	b->used = DHCPV6_HLEN;
}

static void put_header(struct dhcpv6_builder *b, uint16_t code, size_t len)
{
	b->buf[b->used] = (uint8_t)(code >> 8);
	b->buf[b->used + 1] = (uint8_t)code;
	b->buf[b->used + 2] = (uint8_t)(len >> 8);
	b->buf[b->used + 3] = (uint8_t)len;
	b->used += 4;
}

void dhcpv6_append(struct dhcpv6_builder *b, const void *data, size_t len)
{
	if (b->overflow || b->len - b->used < len) {
		b->overflow = true;
		return;
	}
	memcpy(&b->buf[b->used], data, len);
	b->used += len;
}

void dhcpv6_put(struct dhcpv6_builder *b, uint16_t code, const void *data,
		size_t len)
{
	if (b->overflow || len > 0xffff || b->len - b->used < 4 + len) {
		b->overflow = true;
		return;
	}
	put_header(b, code, len);
	dhcpv6_append(b, data, len);
}

size_t dhcpv6_begin(struct dhcpv6_builder *b, uint16_t code)
{
	size_t start = b->used;

	if (b->overflow || b->len - b->used < 4) {
		b->overflow = true;
		return start;
	}
	put_header(b, code, 0);
	return start;
}

void dhcpv6_end(struct dhcpv6_builder *b, size_t start)
{
	size_t len;

	if (b->overflow)
		return;
	len = b->used - start - 4;
	b->buf[start + 2] = (uint8_t)(len >> 8);
	b->buf[start + 3] = (uint8_t)len;
}

int dhcpv6_finish(struct dhcpv6_builder *b)
{
	return b->overflow ? -ENOBUFS : (int)b->used;
}
