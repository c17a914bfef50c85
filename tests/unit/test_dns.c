/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dns.c src/net/dns_cache.c src/net/dns_packet.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/retry.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * DNS: query encoding, name decoding with compression (loops, pointers
 * forward, truncation), answers with aliases, errors, and name resolution
 * through resolv() against a simulated server at the socket level:
 * numeric names answered by the numeric resolver on a later pass, answers,
 * alias chains (and their limit), NXDOMAIN, silence and retries, answers
 * with the wrong id, from the wrong port or address, to another question,
 * garbage, lookups side by side, and cancellation by closing the asker's
 * interface; AAAA records and an IPv6-like family, several servers of
 * which the first is dead or fails, search domains, the cache (TTLs,
 * negative answers by their SOA).
 */

/* First: it maps names the headers' inline functions use. */
#include "fake_inet_family.h"
#include "intf_sink.h"

#include <errno.h>
#include <stdio.h>
#include <wireboot/settings.h>

#define dns_build_query wb_dns_build_query
#define dns_decode_name wb_dns_decode_name
#define dns_parse_response wb_dns_parse_response
#define dns_address_len wb_dns_address_len
#define dns_same_name wb_dns_same_name
#define dns_cache_flush wb_dns_cache_flush
#include <net/dns_cache.h>
#include <net/dns_packet.h>
#include <net/resolv.h>

#include "unit.h"

int wb_resolv(struct interface *intf, const char *name,
	      const struct sockaddr *sa);

#define DNS_SERVER_IP 0x0a000003
#define DNS_SECOND_IP 0x0a000009

/* The "dns" setting DHCP would have stored; 0: none. A second server
 * when dns_second is set. */
static uint32_t dns_setting = DNS_SERVER_IP;
static uint32_t dns_second;
/* The "domain" setting, and DHCP option 119 as raw bytes. */
static const char *domain_setting;
static const uint8_t *search_option;
static size_t search_option_len;

static int fake_value(const void *value, size_t value_len, void *buf,
		      size_t len)
{
	memcpy(buf, value, len < value_len ? len : value_len);
	return (int)value_len;
}

int fetch_setting(struct settings *block, const char *name, void *buf,
		  size_t len, enum setting_type *type)
{
	uint32_t addrs[2] = { htonl(dns_setting), htonl(dns_second) };

	(void)type;
	if (block)
		return -ENOENT;
	if (strcmp(name, "dns") == 0 && dns_setting)
		return fake_value(addrs, dns_second ? 8 : 4, buf, len);
	if (strcmp(name, "domain") == 0 && domain_setting)
		return fake_value(domain_setting, strlen(domain_setting), buf,
				  len);
	if (strcmp(name, "119") == 0 && search_option)
		return fake_value(search_option, search_option_len, buf, len);
	return -ENOENT;
}

/* A family like IPv6 (16-byte addresses at the common offset, AAAA),
 * so that AAAA resolution is tested before IPv6 itself is linked. */
static const char *fake_inet6_ntoa(const struct sockaddr *sa, char *buf,
				   size_t len)
{
	(void)sa;
	snprintf(buf, len, "inet6");
	return buf;
}

SOCKADDR_FAMILY(fake_inet6_family) = {
	.family = AF_INET6,
	.ntoa = fake_inet6_ntoa,
	.dns_type = DNS_TYPE_AAAA,
};

/* ---- building answers ----------------------------------------------------- */

struct answer {
	uint8_t data[512];
	size_t len;
};

static void put_bytes(struct answer *a, const void *bytes, size_t len)
{
	memcpy(a->data + a->len, bytes, len);
	a->len += len;
}

/* A response header and the question copied from the query. */
static void answer_start(struct answer *a, const uint8_t *query,
			 size_t query_len, uint16_t flags, unsigned ancount)
{
	struct dnshdr *hdr = (struct dnshdr *)a->data;

	memset(a, 0, sizeof(*a));
	put_bytes(a, query, query_len);
	hdr->flags = htons(0x8180 | flags);
	hdr->ancount = htons(ancount);
}

/* A record whose owner is the name at offset 12 (a pointer). */
static void put_record(struct answer *a, unsigned type, const void *rdata,
		       size_t rdlen)
{
	uint8_t rr[12] = { 0xc0, 12, 0, (uint8_t)type, 0, 1, 0, 0, 1, 0,
			   0, (uint8_t)rdlen };

	put_bytes(a, rr, sizeof(rr));
	put_bytes(a, rdata, rdlen);
}

/* ---- packets -------------------------------------------------------------- */

static void test_query(void)
{
	static const uint8_t want[] = { 0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0,
		3, 'w', 'w', 'w', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0,
		0, 1, 0, 1 };
	uint8_t buf[300];
	char name[300];

	CHECK_INT(dns_build_query(buf, sizeof(buf), htons(0x1234), "www.example",
				  DNS_TYPE_A),
		  sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "www.example.", DNS_TYPE_A), sizeof(want));
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "a..b", DNS_TYPE_A), -EINVAL);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, ".a", DNS_TYPE_A), -EINVAL);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "", DNS_TYPE_A), -EINVAL);
	memset(name, 'a', 64);
	name[64] = '\0';
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, name, DNS_TYPE_A), -EINVAL);
	CHECK_INT(dns_build_query(buf, 20, 1, "www.example", DNS_TYPE_A), -ENOSPC);
	/* The type asked for is the caller's: AAAA is 28. */
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "www.example",
				  DNS_TYPE_AAAA), sizeof(want));
	CHECK(buf[sizeof(want) - 4] == 0 && buf[sizeof(want) - 3] == 28);
	CHECK_INT(dns_address_len(DNS_TYPE_A), 4);
	CHECK_INT(dns_address_len(DNS_TYPE_AAAA), 16);
	CHECK_INT(dns_address_len(DNS_TYPE_CNAME), 0);
}

static void test_names(void)
{
	/* 0: "a"; 3: "b" + pointer to 0; 7: pointer to 3 */
	static const uint8_t msg[] = { 1, 'a', 0, 1, 'b', 0xc0, 0, 0xc0, 3 };
	static const uint8_t loop[] = { 1, 'x', 0xc0, 0 };
	static const uint8_t self[] = { 0xc0, 0 };
	static const uint8_t forward[] = { 0xc0, 2, 1, 'a', 0 };
	static const uint8_t truncated[] = { 5, 'a', 'b' };
	static const uint8_t half_pointer[] = { 1, 'a', 0xc0 };
	static const uint8_t bad_type[] = { 0x40, 'a', 0 };
	uint8_t chain[600];
	char text[300];
	size_t offset = 7, i;

	CHECK_INT(dns_decode_name(msg, sizeof(msg), &offset, text, sizeof(text)), 0);
	CHECK_STR(text, "b.a");
	CHECK_INT(offset, 9);
	offset = 3;
	CHECK_INT(dns_decode_name(msg, sizeof(msg), &offset, text, sizeof(text)), 0);
	CHECK_STR(text, "b.a");
	CHECK_INT(offset, 7);
	offset = 2;
	CHECK_INT(dns_decode_name(msg, sizeof(msg), &offset, text, sizeof(text)), 0);
	CHECK_STR(text, "");
	CHECK_INT(offset, 3);
	offset = 3;
	CHECK_INT(dns_decode_name(msg, sizeof(msg), &offset, text, 3), -EINVAL);

#define BAD_NAME(buf, start)                                                 \
	do {                                                                 \
		size_t off = (start);                                        \
		CHECK_INT(dns_decode_name(buf, sizeof(buf), &off, text,      \
					  sizeof(text)), -EINVAL);           \
	} while (0)
	BAD_NAME(loop, 0);
	BAD_NAME(self, 0);
	BAD_NAME(forward, 0);
	BAD_NAME(truncated, 0);
	BAD_NAME(half_pointer, 0);
	BAD_NAME(bad_type, 0);
	BAD_NAME(msg, sizeof(msg));

	/* Longer than 255 bytes on the wire, even if the text fits. */
	for (i = 0; i < 130; i++) {
		chain[2 * i] = 1;
		chain[2 * i + 1] = 'a';
	}
	chain[260] = 0;
	offset = 0;
	CHECK_INT(dns_decode_name(chain, 261, &offset, text, sizeof(text)), -EINVAL);
	/* A long chain of pointers, each going back: finite, and allowed. */
	chain[0] = 1;
	chain[1] = 'z';
	chain[2] = 0;
	for (i = 1; i < 200; i++) {
		chain[1 + 2 * i] = 0xc0;
		chain[2 + 2 * i] = (uint8_t)(i == 1 ? 0 : 1 + 2 * (i - 1));
	}
	offset = 1 + 2 * 199;
	CHECK_INT(dns_decode_name(chain, 2 + 2 * 199 + 1, &offset, text,
				  sizeof(text)), 0);
	CHECK_STR(text, "z");
}

static void test_responses(void)
{
	uint8_t query[64];
	size_t query_len = (size_t)dns_build_query(query, sizeof(query), 7,
						   "www.example", DNS_TYPE_A);
	static const uint8_t cname[] = { 3, 'w', 'e', 'b', 0xc0, 16 };
	static const uint8_t address[] = { 192, 0, 2, 1 };
	struct dns_answer result;
	struct answer a;
	size_t len;

	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, DNS_TYPE_A, address, 4);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "WWW.Example.", DNS_TYPE_A, &result), 0);
	CHECK_INT(result.address_len, 4);
	CHECK(memcmp(result.address, address, 4) == 0);
	CHECK_INT(result.ttl, 256);
	/* Wrong id, a question instead of an answer, every truncation. */
	CHECK_INT(dns_parse_response(a.data, a.len, 8, "www.example", DNS_TYPE_A, &result), -EINVAL);
	a.data[2] &= 0x7f;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -EINVAL);
	a.data[2] |= 0x80;
	for (len = 0; len < a.len; len++)
		CHECK_INT(dns_parse_response(a.data, len, 7, "www.example", DNS_TYPE_A, &result),
			  -EINVAL);
	/* Truncated by the server (TC): no address means -EMSGSIZE. */
	a.data[2] |= 0x02;
	CHECK_INT(dns_parse_response(a.data, a.len - 4, 7, "www.example", DNS_TYPE_A, &result),
		  -EMSGSIZE);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), 0);

	/* An alias with the target's address, and an alias alone. */
	answer_start(&a, query, query_len, 0, 2);
	put_record(&a, DNS_TYPE_CNAME, cname, sizeof(cname));
	a.data[a.len] = 0xc0;
	a.data[a.len + 1] = (uint8_t)(a.len - sizeof(cname));
	a.len += 2;
	put_bytes(&a, "\0\1\0\1\0\0\0\1\0\4", 10);
	put_bytes(&a, address, 4);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), 0);
	CHECK_INT(result.address_len, 4);
	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, DNS_TYPE_CNAME, cname, sizeof(cname));
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), 0);
	CHECK_INT(result.address_len, 0);
	CHECK_STR(result.cname, "web.example");
	/* A CNAME whose data is longer than its name. */
	a.data[a.len - sizeof(cname) - 1] = sizeof(cname) + 1;
	a.data[a.len++] = 0;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -EINVAL);

	/* Records for other names, and of other types, are skipped. */
	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, 28, "0123456789abcdef", 16);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -ENOENT);
	/* An answer to another question, or to another type, even one the
	 * server says it truncated. */
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "other", DNS_TYPE_A, &result), -EINVAL);
	a.data[2] |= 0x02;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "other", DNS_TYPE_A, &result), -EINVAL);
	a.data[2] &= ~0x02;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_AAAA,
				     &result), -EINVAL);
	/* A record claiming more data than there is. */
	a.data[a.len - 17] = 200;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -EINVAL);

	/* Errors from the server. */
	answer_start(&a, query, query_len, DNS_RCODE_NXDOMAIN, 0);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -ENOENT);
	answer_start(&a, query, query_len, 2, 0);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -EIO);
	/* A failure without the question is still a failure; an answer
	 * without it is nobody's. */
	a.data[5] = 0;
	CHECK_INT(dns_parse_response(a.data, 12, 7, "www.example", DNS_TYPE_A, &result), -EIO);
	a.data[3] &= 0xf0;
	CHECK_INT(dns_parse_response(a.data, 12, 7, "www.example", DNS_TYPE_A, &result), -EINVAL);
	/* Two questions are not the answer to one. */
	answer_start(&a, query, query_len, 0, 0);
	a.data[5] = 2;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", DNS_TYPE_A, &result), -EINVAL);
}

/* Sets the TTL of the record whose data (rdlen bytes) ends the answer. */
static void set_last_ttl(struct answer *a, size_t rdlen, uint32_t ttl)
{
	uint8_t *p = a->data + a->len - rdlen - 6;

	p[0] = (uint8_t)(ttl >> 24);
	p[1] = (uint8_t)(ttl >> 16);
	p[2] = (uint8_t)(ttl >> 8);
	p[3] = (uint8_t)ttl;
}

/* AAAA answers, the TTL of an alias chain, and negative answers' TTL from
 * the SOA record of the authority section (RFC 2308). */
static void test_aaaa_and_ttls(void)
{
	static const uint8_t address6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	static const uint8_t address[] = { 192, 0, 2, 1 };
	static const uint8_t cname[] = { 3, 'w', 'e', 'b', 0xc0, 16 };
	/* mname ".", rname ".", serial, refresh, retry, expire, minimum */
	static const uint8_t soa[] = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
				       0, 0, 0, 4, 0, 0, 0, 30 };
	uint8_t query[64];
	size_t query_len = (size_t)dns_build_query(query, sizeof(query), 9,
						   "www.example", DNS_TYPE_AAAA);
	struct dns_answer result;
	struct answer a;

	answer_start(&a, query, query_len, 0, 2);
	put_record(&a, DNS_TYPE_A, address, 4);	/* not the type asked */
	put_record(&a, DNS_TYPE_AAAA, address6, 16);
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), 0);
	CHECK_INT(result.address_len, 16);
	CHECK(memcmp(result.address, address6, 16) == 0);
	/* An AAAA record of the wrong length is no address. */
	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, DNS_TYPE_AAAA, address6, 15);
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), -ENOENT);
	/* Not a type with addresses. */
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_CNAME, &result), -EINVAL);

	/* The chain is kept as long as its shortest-lived record; a TTL
	 * with the top bit set counts as 0. */
	answer_start(&a, query, query_len, 0, 2);
	put_record(&a, DNS_TYPE_CNAME, cname, sizeof(cname));
	set_last_ttl(&a, sizeof(cname), 40);
	a.data[a.len] = 0xc0;
	a.data[a.len + 1] = (uint8_t)(a.len - sizeof(cname));
	a.len += 2;
	put_bytes(&a, "\0\x1c\0\1\0\0\1\0\0\x10", 10);
	put_bytes(&a, address6, 16);
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), 0);
	CHECK_INT(result.ttl, 40);
	set_last_ttl(&a, 16, 0x80000001U);
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), 0);
	CHECK_INT(result.ttl, 0);

	/* No such name: the SOA's minimum, or its own TTL if smaller. */
	answer_start(&a, query, query_len, DNS_RCODE_NXDOMAIN, 0);
	a.data[9] = 1;	/* nscount */
	put_record(&a, DNS_TYPE_SOA, soa, sizeof(soa));
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), -ENOENT);
	CHECK_INT(result.ttl, 30);
	set_last_ttl(&a, sizeof(soa), 10);
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), -ENOENT);
	CHECK_INT(result.ttl, 10);
	/* A malformed SOA: not kept at all. */
	a.data[a.len - sizeof(soa) - 1]--;
	a.len--;
	CHECK_INT(dns_parse_response(a.data, a.len, 9, "www.example",
				     DNS_TYPE_AAAA, &result), -ENOENT);
	CHECK_INT(result.ttl, 0);
}

/* ---- the resolver against a simulated server ------------------------------ */

static struct {
	bool silent;
	bool first_dead;	/* the first server never answers */
	uint32_t fails;		/* this server answers SERVFAIL */
	bool nxdomain;
	bool soa;		/* negative answers carry an SOA (30 s) */
	bool no_a;		/* the name has only an AAAA record */
	uint32_t ttl;		/* of the answers; 0: 256 s */
	unsigned aliases;	/* alias hops before the address */
	bool foreign_first;	/* a reply from another port comes first */
	bool stranger_first;	/* a reply from another address comes first */
	bool wrong_id_first;	/* a reply with another id comes first */
	bool other_question_first; /* an answer to another name comes first */
	bool by_name;		/* the address depends on the name asked */
	unsigned queries;
	unsigned to_second;	/* of them, sent to the second server */
	uint16_t ids[16];	/* of the queries, in order */
	unsigned types[16];
	uint64_t times[16];
	char names[16][64];
	char last_name[64];
} srv;

static const uint8_t address6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 7 };

static void fake_server(const struct fake_sent *sent)
{
	static const uint8_t soa[] = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
				       0, 0, 0, 4, 0, 0, 0, 30 };
	uint8_t address[] = { 192, 0, 2, 7 };
	uint32_t dest = ntohl(sent->dest->sin_addr.s_addr);
	unsigned qtype, n = srv.queries;
	struct answer a;
	size_t offset = 12, rdlen = 0;

	CHECK(dest == DNS_SERVER_IP || (dns_second && dest == dns_second));
	CHECK_INT(ntohs(sent->dest->sin_port), 53);
	if (!CHECK(sent->len >= 12 && sent->len <= sizeof(a.data) - 64))
		return;
	srv.queries++;
	if (dest == dns_second)
		srv.to_second++;
	CHECK_INT(wb_dns_decode_name(sent->data, sent->len, &offset,
				     srv.last_name, sizeof(srv.last_name)), 0);
	qtype = sent->data[offset] << 8 | sent->data[offset + 1];
	if (n < 16) {
		memcpy(&srv.ids[n], sent->data, 2);
		srv.types[n] = qtype;
		srv.times[n] = fake_now;
		strcpy(srv.names[n], srv.last_name);
	}
	if (srv.silent || (srv.first_dead && dest == DNS_SERVER_IP))
		return;
	if (srv.by_name)
		address[3] = (uint8_t)strlen(srv.last_name);
	if (srv.fails && dest == srv.fails) {
		answer_start(&a, sent->data, sent->len, 2, 0);
		fake_reply(sent, a.data, a.len, fake_addr(dest, 53));
		return;
	}
	answer_start(&a, sent->data, sent->len,
		     srv.nxdomain ? DNS_RCODE_NXDOMAIN : 0, srv.nxdomain ? 0 : 1);
	if (srv.nxdomain || (srv.no_a && qtype == DNS_TYPE_A)) {
		a.data[7] = 0;
		if (srv.soa) {
			a.data[9] = 1;
			put_record(&a, DNS_TYPE_SOA, soa, sizeof(soa));
			rdlen = sizeof(soa);
		}
	} else if (n < srv.aliases) {
		uint8_t target[] = { 5, 'a', 'l', 'i', 'a', 's', 0 };

		put_record(&a, DNS_TYPE_CNAME, target, sizeof(target));
		rdlen = sizeof(target);
	} else if (qtype == DNS_TYPE_AAAA) {
		put_record(&a, DNS_TYPE_AAAA, address6, 16);
		rdlen = 16;
	} else {
		put_record(&a, DNS_TYPE_A, address, 4);
		rdlen = 4;
	}
	if (srv.ttl && rdlen)
		set_last_ttl(&a, rdlen, srv.ttl);
	/* Answers that must not count say something else: the last byte
	 * is the address's, or the alias's terminating zero. */
	if (srv.foreign_first || srv.stranger_first || srv.wrong_id_first ||
	    srv.other_question_first)
		a.data[a.len - 1] ^= 0x40;
	if (srv.foreign_first)
		fake_reply(sent, a.data, a.len, fake_addr(dest, 54));
	if (srv.stranger_first)
		fake_reply(sent, a.data, a.len, fake_addr(DNS_SERVER_IP + 1, 53));
	if (srv.wrong_id_first) {
		a.data[1] ^= 0x55;
		fake_reply(sent, a.data, a.len, fake_addr(dest, 53));
		a.data[1] ^= 0x55;
	}
	if (srv.other_question_first) {
		a.data[13] ^= 0x01;	/* the question's first letter */
		fake_reply(sent, a.data, a.len, fake_addr(dest, 53));
		a.data[13] ^= 0x01;
	}
	if (srv.foreign_first || srv.stranger_first || srv.wrong_id_first ||
	    srv.other_question_first)
		a.data[a.len - 1] ^= 0x40;
	/* Garbage from the right place changes nothing either. */
	fake_reply(sent, a.data, 5, fake_addr(dest, 53));
	fake_reply(sent, a.data, a.len, fake_addr(dest, 53));
}

static struct sink asker;

static void reset_server(void)
{
	memset(&srv, 0, sizeof(srv));
	fake_flush_queue();
	dns_cache_flush();
}

/* Resolves name as an asker would: resolv()'s error, or the close's rc. */
static int lookup(const char *name)
{
	struct sockaddr_in any = { .sin_family = 0 };
	int rc;

	sink_init(&asker, 0);
	rc = wb_resolv(&asker.intf, name, (struct sockaddr *)&any);
	if (rc)
		return rc;
	/* Never from inside resolv(): the answer comes on a later pass. */
	CHECK(!asker.resolved && !asker.closed);
	rc = sink_wait(&asker);
	CHECK(rc != 0 || asker.resolved);
	/* Every lookup lets go of its socket. */
	CHECK_INT(fake_open_sockets(), 0);
	return rc;
}

static uint32_t answer(void)
{
	const struct sockaddr_in *sin = &asker.address.sin;

	CHECK_INT(sin->sin_family, AF_INET);
	return ntohl(sin->sin_addr.s_addr);
}

static void test_numeric(void)
{
	unsigned opened = fake_sockets_opened;

	reset_server();
	CHECK_INT(lookup("10.1.2.3"), 0);
	CHECK_INT(answer(), 0x0a010203);
	CHECK_INT(srv.queries, 0);
	CHECK_INT(fake_sockets_opened, opened);

	/* Given up before the answer: nothing arrives afterwards. */
	sink_init(&asker, 0);
	CHECK_INT(wb_resolv(&asker.intf, "10.1.2.4", &asker.address.sa), 0);
	sink_cancel(&asker, -ECANCELED);
	fake_run(10000);
	CHECK(!asker.resolved);
}

static void test_resolver(void)
{
	uint64_t start;

	reset_server();
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(answer(), 0xc0000207);
	CHECK_INT(srv.queries, 1);
	CHECK_STR(srv.last_name, "boot.example");

	/* Another address first from another port, or with another id. */
	reset_server();
	srv.foreign_first = true;
	srv.wrong_id_first = true;
	srv.other_question_first = true;
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(answer(), 0xc0000207);
	CHECK_INT(srv.queries, 1);

	/* Aliases, asked for in turn, each with a new id; answers from
	 * another port, another address or with another id are ignored. */
	reset_server();
	srv.aliases = 3;
	srv.foreign_first = true;
	srv.stranger_first = true;
	srv.wrong_id_first = true;
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(answer(), 0xc0000207);
	CHECK_INT(srv.queries, 4);
	CHECK_STR(srv.last_name, "alias");
	CHECK(srv.ids[0] != srv.ids[1] && srv.ids[1] != srv.ids[2]);

	reset_server();
	srv.aliases = 100;
	CHECK_INT(err_base(lookup("boot.example")), -EPROTO);
	CHECK_INT(srv.queries, 9);

	reset_server();
	srv.nxdomain = true;
	CHECK_INT(err_base(lookup("nowhere.example")), -ENOENT);

	/* Silence: asked after 1, 2, 4 s, given up after 8 more. */
	reset_server();
	srv.silent = true;
	start = fake_now;
	CHECK_INT(err_base(lookup("boot.example")), -ETIMEDOUT);
	CHECK_INT(srv.queries, 4);
	CHECK(asker.closed_us - start >= 15000000);
	CHECK(asker.closed_us - start < 16000000);
	/* The same question each time. */
	CHECK(srv.ids[0] == srv.ids[3]);

	/* Refused at once: no server, a name that cannot be asked. */
	dns_setting = 0;
	CHECK_INT(err_base(lookup("boot.example")), -ENXIO);
	dns_setting = DNS_SERVER_IP;
	reset_server();
	CHECK_INT(err_base(lookup("bad..name")), -EINVAL);
	CHECK_INT(err_base(lookup("")), -EINVAL);
	CHECK_INT(srv.queries, 0);
	CHECK_INT(fake_open_sockets(), 0);
	fake_open_error = -EADDRINUSE;
	CHECK_INT(lookup("boot.example"), -EADDRINUSE);
	fake_open_error = 0;
}

static void test_side_by_side(void)
{
	static struct sink other;
	struct sockaddr any = { .sa_family = 0 };

	reset_server();
	srv.by_name = true;
	sink_init(&asker, 0);
	sink_init(&other, 0);
	CHECK_INT(wb_resolv(&asker.intf, "a.example", &any), 0);
	CHECK_INT(wb_resolv(&other.intf, "bbb.example", &any), 0);
	CHECK_INT(fake_open_sockets(), 2);
	CHECK_INT(sink_wait(&asker), 0);
	CHECK_INT(sink_wait(&other), 0);
	CHECK_INT(answer(), 0xc0000209);
	CHECK_INT(ntohl(other.address.sin.sin_addr.s_addr),
		  0xc000020b);
	CHECK_INT(fake_open_sockets(), 0);
}

/* Ids are draws from the random source (RFC 5452); with no randomness a
 * name is not looked up at all rather than asked with a guessable id. */
static void test_random_ids(void)
{
	uint32_t saved = fake_random_state, expected;

	CHECK_INT(random_bytes(&expected, sizeof(expected)), 0);
	fake_random_state = saved;
	reset_server();
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(srv.ids[0], (uint16_t)expected);

	reset_server();
	fake_random_fail = -ENODEV;
	CHECK_INT(lookup("boot.example"), -ENODEV);
	fake_random_fail = 0;
	CHECK_INT(srv.queries, 0);
	/* The asker hears why, before the close. */
	CHECK(strstr(asker.reason, "no entropy source") != NULL);
	CHECK(!asker.late_reason);
}

static void test_cancel(void)
{
	struct sockaddr any = { .sa_family = 0 };
	unsigned queries;

	reset_server();
	srv.silent = true;
	sink_init(&asker, 0);
	CHECK_INT(wb_resolv(&asker.intf, "boot.example", &any), 0);
	fake_run(1500000);
	CHECK_INT(srv.queries, 2);
	sink_cancel(&asker, -ECANCELED);
	CHECK_INT(fake_open_sockets(), 0);
	queries = srv.queries;
	fake_run(20000000);
	CHECK_INT(srv.queries, queries);
	CHECK(!asker.resolved);
}

/* Two servers. Both silent: each asked in turn, waits doubling after
 * each round, and the lookup still ends at 15 s. The first dead: the
 * question goes to the second after a second's silence, and the next
 * lookup starts with the second. One that fails passes the question on
 * at once. */
static void test_servers(void)
{
	uint64_t start;

	dns_second = DNS_SECOND_IP;
	reset_server();
	srv.silent = true;
	start = fake_now;
	CHECK_INT(err_base(lookup("boot.example")), -ETIMEDOUT);
	CHECK(asker.closed_us - start >= 15000000);
	CHECK(asker.closed_us - start < 16000000);
	/* 0, 1 s (second), 2 s, 4 s (second), 6 s, 10 s (second), 14 s */
	CHECK_INT(srv.queries, 7);
	CHECK_INT(srv.to_second, 3);
	CHECK_INT(srv.times[2] - srv.times[1], 1000000);
	CHECK_INT(srv.times[3] - srv.times[2], 2000000);
	CHECK_INT(srv.times[5] - srv.times[4], 4000000);

	reset_server();
	srv.first_dead = true;
	start = fake_now;
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(answer(), 0xc0000207);
	CHECK_INT(srv.queries, 2);
	CHECK_INT(srv.to_second, 1);
	CHECK(srv.ids[0] == srv.ids[1]);
	CHECK_INT(asker.closed_us - start, 1000000);
	/* (The cache, which keeps the server, is not flushed here.) */
	memset(&srv, 0, sizeof(srv));
	srv.first_dead = true;
	CHECK_INT(lookup("other.example"), 0);
	CHECK_INT(srv.queries, 1);
	CHECK_INT(srv.to_second, 1);

	/* The second (asked first now) fails: the first answers. */
	memset(&srv, 0, sizeof(srv));
	srv.fails = DNS_SECOND_IP;
	start = fake_now;
	CHECK_INT(lookup("third.example"), 0);
	CHECK_INT(srv.queries, 2);
	CHECK_INT(srv.to_second, 1);
	CHECK(asker.closed_us - start < 100000);

	/* With one server, its failure is the lookup's. */
	dns_second = 0;
	reset_server();
	srv.fails = DNS_SERVER_IP;
	CHECK_INT(err_base(lookup("boot.example")), -EIO);
	CHECK_INT(srv.queries, 1);
}

/* Names without a dot are asked for in the search domains: "domain",
 * then option 119's names (compressed), each in turn on NXDOMAIN; names
 * with a dot as they are. */
static void test_search(void)
{
	/* "lab.example", then "example" by a pointer into the first */
	static const uint8_t list[] = { 3, 'l', 'a', 'b', 7, 'e', 'x', 'a', 'm',
					'p', 'l', 'e', 0, 0xc0, 4 };

	reset_server();
	domain_setting = "corp.example";
	CHECK_INT(lookup("boot"), 0);
	CHECK_INT(srv.queries, 1);
	CHECK_STR(srv.last_name, "boot.corp.example");

	reset_server();
	search_option = list;
	search_option_len = sizeof(list);
	srv.nxdomain = true;
	CHECK_INT(err_base(lookup("boot")), -ENOENT);
	CHECK_INT(srv.queries, 3);
	CHECK_STR(srv.names[0], "boot.corp.example");
	CHECK_STR(srv.names[1], "boot.lab.example");
	CHECK_STR(srv.names[2], "boot.example");
	reset_server();
	CHECK_INT(lookup("boot.other"), 0);
	CHECK_STR(srv.last_name, "boot.other");

	/* A broken search list ends where it breaks. */
	reset_server();
	domain_setting = NULL;
	search_option_len = 3;
	CHECK_INT(lookup("boot"), 0);
	CHECK_STR(srv.last_name, "boot");
	search_option = NULL;
}

/* Answers are kept for their TTL; no such name for the SOA's time (at
 * most a minute), not at all without one. */
static void test_cache(void)
{
	reset_server();
	srv.ttl = 100;
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(lookup("BOOT.example."), 0);
	CHECK_INT(answer(), 0xc0000207);
	CHECK_INT(srv.queries, 1);
	fake_run(99000000);
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(srv.queries, 1);
	fake_run(2000000);
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(srv.queries, 2);
	/* An alias chain is kept under the name asked. */
	reset_server();
	srv.aliases = 2;
	CHECK_INT(lookup("www.example"), 0);
	CHECK_INT(lookup("www.example"), 0);
	CHECK_INT(srv.queries, 3);
	/* A TTL of 0 is not kept. */
	reset_server();
	srv.ttl = 0x80000000U;
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(lookup("boot.example"), 0);
	CHECK_INT(srv.queries, 2);

	reset_server();
	srv.nxdomain = true;
	CHECK_INT(err_base(lookup("nowhere.example")), -ENOENT);
	CHECK_INT(err_base(lookup("nowhere.example")), -ENOENT);
	CHECK_INT(srv.queries, 2);
	srv.soa = true;
	srv.ttl = 3600;
	CHECK_INT(err_base(lookup("gone.example")), -ENOENT);
	CHECK_INT(err_base(lookup("gone.example")), -ENOENT);
	CHECK_INT(srv.queries, 3);
	/* The SOA's minimum (30 s) rules over its TTL. */
	fake_run(31000000);
	CHECK_INT(err_base(lookup("gone.example")), -ENOENT);
	CHECK_INT(srv.queries, 4);

	/* More names than entries: the oldest make room, nothing breaks. */
	reset_server();
	srv.by_name = true;
	{
		char name[32];
		unsigned i;

		for (i = 0; i < 40; i++) {
			snprintf(name, sizeof(name), "h%u.example", i);
			CHECK_INT(lookup(name), 0);
		}
		CHECK_INT(lookup("h39.example"), 0);
		CHECK_INT(srv.queries, 40);
	}
}

/* The record type follows the family wanted: AAAA for the IPv6-like
 * family, A first when any will do, AAAA when the name has no A. */
static void test_families(void)
{
	struct sockaddr want6 = { .sa_family = AF_INET6 };
	struct sockaddr any = { .sa_family = 0 };

	reset_server();
	sink_init(&asker, 0);
	CHECK_INT(wb_resolv(&asker.intf, "boot.example", &want6), 0);
	CHECK_INT(sink_wait(&asker), 0);
	CHECK_INT(srv.queries, 1);
	CHECK_INT(srv.types[0], DNS_TYPE_AAAA);
	CHECK_INT(asker.address.sa.sa_family, AF_INET6);
	CHECK(memcmp(asker.address.sa.sa_data + SOCKADDR_ADDRESS_OFFSET - 2,
		     address6, 16) == 0);

	reset_server();
	srv.no_a = true;
	srv.soa = true;
	sink_init(&asker, 0);
	CHECK_INT(wb_resolv(&asker.intf, "boot.example", &any), 0);
	CHECK_INT(sink_wait(&asker), 0);
	CHECK_INT(srv.queries, 2);
	CHECK_INT(srv.types[0], DNS_TYPE_A);
	CHECK_INT(srv.types[1], DNS_TYPE_AAAA);
	CHECK_INT(asker.address.sa.sa_family, AF_INET6);
	/* Both answers are cached: the next lookup asks nothing. */
	sink_init(&asker, 0);
	CHECK_INT(wb_resolv(&asker.intf, "boot.example", &any), 0);
	CHECK(!asker.resolved);
	CHECK_INT(sink_wait(&asker), 0);
	CHECK_INT(srv.queries, 2);
	CHECK_INT(asker.address.sa.sa_family, AF_INET6);

	/* A family DNS has no record type for is another resolver's. */
	want6.sa_family = 99;
	CHECK_INT(err_base(wb_resolv(&asker.intf, "boot.example", &want6)),
		  -ENXIO);
}

int main(void)
{
	test_query();
	test_names();
	test_responses();
	test_aaaa_and_ttls();
	test_numeric();
	test_resolver();
	test_side_by_side();
	test_cancel();
	test_random_ids();
	test_servers();
	test_search();
	test_cache();
	test_families();
	fake_flush_queue();
	return unit_finish();
}
