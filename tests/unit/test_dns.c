/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dns.c src/net/dns_packet.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/retry.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * DNS: query encoding, name decoding with compression (loops, pointers
 * forward, truncation), answers with aliases, errors, and name resolution
 * through resolv() against a simulated server at the socket level:
 * numeric names answered by the numeric resolver on a later pass, answers,
 * alias chains (and their limit), NXDOMAIN, silence and retries, answers
 * with the wrong id, from the wrong port or address, garbage, lookups side
 * by side, and cancellation by closing the asker's interface.
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
#include <net/dns_packet.h>
#include <net/resolv.h>

#include "unit.h"

int wb_resolv(struct interface *intf, const char *name,
	      const struct sockaddr *sa);

#define DNS_SERVER_IP 0x0a000003

/* The "dns" setting DHCP would have stored; 0: none. */
static uint32_t dns_setting = DNS_SERVER_IP;

int fetch_setting(struct settings *block, const char *name, void *buf,
		  size_t len, enum setting_type *type)
{
	uint32_t addr = htonl(dns_setting);

	if (block || strcmp(name, "dns") != 0 || !dns_setting)
		return -ENOENT;
	memcpy(buf, &addr, len < 4 ? len : 4);
	if (type)
		*type = SETTING_IPV4;
	return 4;
}

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

	CHECK_INT(dns_build_query(buf, sizeof(buf), htons(0x1234), "www.example"),
		  sizeof(want));
	CHECK(memcmp(buf, want, sizeof(want)) == 0);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "www.example."), sizeof(want));
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, "a..b"), -EINVAL);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, ".a"), -EINVAL);
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, ""), -EINVAL);
	memset(name, 'a', 64);
	name[64] = '\0';
	CHECK_INT(dns_build_query(buf, sizeof(buf), 1, name), -EINVAL);
	CHECK_INT(dns_build_query(buf, 20, 1, "www.example"), -ENOSPC);
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
						   "www.example");
	static const uint8_t cname[] = { 3, 'w', 'e', 'b', 0xc0, 16 };
	static const uint8_t address[] = { 192, 0, 2, 1 };
	struct dns_answer result;
	struct answer a;
	size_t len;

	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, DNS_TYPE_A, address, 4);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "WWW.Example.", &result), 0);
	CHECK(result.has_address);
	CHECK(memcmp(&result.address, address, 4) == 0);
	/* Wrong id, a question instead of an answer, every truncation. */
	CHECK_INT(dns_parse_response(a.data, a.len, 8, "www.example", &result), -EINVAL);
	a.data[2] &= 0x7f;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -EINVAL);
	a.data[2] |= 0x80;
	for (len = 0; len < a.len; len++)
		CHECK_INT(dns_parse_response(a.data, len, 7, "www.example", &result),
			  -EINVAL);
	/* Truncated by the server (TC): no address means -EMSGSIZE. */
	a.data[2] |= 0x02;
	CHECK_INT(dns_parse_response(a.data, a.len - 4, 7, "www.example", &result),
		  -EMSGSIZE);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), 0);

	/* An alias with the target's address, and an alias alone. */
	answer_start(&a, query, query_len, 0, 2);
	put_record(&a, DNS_TYPE_CNAME, cname, sizeof(cname));
	a.data[a.len] = 0xc0;
	a.data[a.len + 1] = (uint8_t)(a.len - sizeof(cname));
	a.len += 2;
	put_bytes(&a, "\0\1\0\1\0\0\0\1\0\4", 10);
	put_bytes(&a, address, 4);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), 0);
	CHECK(result.has_address);
	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, DNS_TYPE_CNAME, cname, sizeof(cname));
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), 0);
	CHECK(!result.has_address);
	CHECK_STR(result.cname, "web.example");
	/* A CNAME whose data is longer than its name. */
	a.data[a.len - sizeof(cname) - 1] = sizeof(cname) + 1;
	a.data[a.len++] = 0;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -EINVAL);

	/* Records for other names, and of other types, are skipped. */
	answer_start(&a, query, query_len, 0, 1);
	put_record(&a, 28, "0123456789abcdef", 16);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -ENOENT);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "other", &result), -ENOENT);
	/* A record claiming more data than there is. */
	a.data[a.len - 17] = 200;
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -EINVAL);

	/* Errors from the server. */
	answer_start(&a, query, query_len, DNS_RCODE_NXDOMAIN, 0);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -ENOENT);
	answer_start(&a, query, query_len, 2, 0);
	CHECK_INT(dns_parse_response(a.data, a.len, 7, "www.example", &result), -EIO);
}

/* ---- the resolver against a simulated server ------------------------------ */

static struct {
	bool silent;
	bool nxdomain;
	unsigned aliases;	/* alias hops before the address */
	bool foreign_first;	/* a reply from another port comes first */
	bool stranger_first;	/* a reply from another address comes first */
	bool wrong_id_first;	/* a reply with another id comes first */
	bool by_name;		/* the address depends on the name asked */
	unsigned queries;
	uint16_t ids[16];	/* of the queries, in order */
	char last_name[64];
} srv;

static void fake_server(const struct fake_sent *sent)
{
	uint8_t address[] = { 192, 0, 2, 7 };
	struct answer a;
	size_t offset = 12;

	CHECK_INT(ntohl(sent->dest->sin_addr.s_addr), DNS_SERVER_IP);
	CHECK_INT(ntohs(sent->dest->sin_port), 53);
	if (!CHECK(sent->len >= 12 && sent->len <= sizeof(a.data) - 64))
		return;
	if (srv.queries < 16)
		memcpy(&srv.ids[srv.queries], sent->data, 2);
	srv.queries++;
	CHECK_INT(wb_dns_decode_name(sent->data, sent->len, &offset,
				     srv.last_name, sizeof(srv.last_name)), 0);
	if (srv.silent)
		return;
	if (srv.by_name)
		address[3] = (uint8_t)strlen(srv.last_name);
	answer_start(&a, sent->data, sent->len,
		     srv.nxdomain ? DNS_RCODE_NXDOMAIN : 0, srv.nxdomain ? 0 : 1);
	if (srv.nxdomain) {
		/* nothing more */
	} else if (srv.queries <= srv.aliases) {
		uint8_t target[] = { 5, 'a', 'l', 'i', 'a', 's', 0 };

		put_record(&a, DNS_TYPE_CNAME, target, sizeof(target));
	} else {
		put_record(&a, DNS_TYPE_A, address, 4);
	}
	/* Answers that must not count say something else: the last byte
	 * is the address's, or the alias's terminating zero. */
	if (srv.foreign_first || srv.stranger_first || srv.wrong_id_first)
		a.data[a.len - 1] ^= 0x40;
	if (srv.foreign_first)
		fake_reply(sent, a.data, a.len, fake_addr(DNS_SERVER_IP, 54));
	if (srv.stranger_first)
		fake_reply(sent, a.data, a.len, fake_addr(DNS_SERVER_IP + 1, 53));
	if (srv.wrong_id_first) {
		a.data[1] ^= 0x55;
		fake_reply(sent, a.data, a.len, fake_addr(DNS_SERVER_IP, 53));
		a.data[1] ^= 0x55;
	}
	if (srv.foreign_first || srv.stranger_first || srv.wrong_id_first)
		a.data[a.len - 1] ^= 0x40;
	/* Garbage from the right place changes nothing either. */
	fake_reply(sent, a.data, 5, fake_addr(DNS_SERVER_IP, 53));
	fake_reply(sent, a.data, a.len, fake_addr(DNS_SERVER_IP, 53));
}

static struct sink asker;

static void reset_server(void)
{
	memset(&srv, 0, sizeof(srv));
	fake_flush_queue();
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

int main(void)
{
	test_query();
	test_names();
	test_responses();
	test_numeric();
	test_resolver();
	test_side_by_side();
	test_cancel();
	test_random_ids();
	fake_flush_queue();
	return unit_finish();
}
