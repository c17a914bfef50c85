/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dns.c src/net/dns_cache.c src/net/dns_packet.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/retry.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The DNS resolver's state machine on sequences of datagrams (see
 * fuzz_sequence.h): one lookup through resolv() receives whatever the input
 * holds, with time passing in between, so answers, aliases (each asked
 * again), errors, garbage and retries (to either of two servers) mix.
 * Control bit 0 writes the id of the resolver's last question into the
 * datagram; bits 2-3 pick the sender (the first server's port 53, another
 * port, another address, the second server's port 53).
 *
 * What must hold: a lookup that succeeds has told its asker an IPv4
 * address first, one that fails has not; the answer came from a
 * server's port 53, answers the question asked last and holds that
 * address; and the lookup ends (or is cancelled) without leaving a
 * socket.
 */

#include "fake_inet_family.h"
#include "fuzz_sequence.h"

#include <wireboot/settings.h>

int wb_resolv(struct interface *intf, const char *name,
	      const struct sockaddr *sa);
void wb_dns_cache_flush(void);

#define DNS_SERVER_IP 0x0a000003
#define DNS_SECOND_IP 0x0a000009

int fetch_setting(struct settings *block, const char *name, void *buf,
		  size_t len, enum setting_type *type)
{
	uint32_t addrs[2] = { htonl(DNS_SERVER_IP), htonl(DNS_SECOND_IP) };

	if (block || strcmp(name, "dns") != 0)
		return -ENOENT;
	memcpy(buf, addrs, len < sizeof(addrs) ? len : sizeof(addrs));
	if (type)
		*type = SETTING_IPV4;
	return sizeof(addrs);
}

static bool is_server(uint32_t addr)
{
	return addr == DNS_SERVER_IP || addr == DNS_SECOND_IP;
}

static uint8_t last_id[2];

static void fake_server(const struct fake_sent *sent)
{
	if (sent->len < 12 || ntohs(sent->dest->sin_port) != 53 ||
	    !is_server(ntohl(sent->dest->sin_addr.s_addr)))
		__builtin_trap();
	memcpy(last_id, sent->data, 2);
}

/* An answer comes from a server's port 53, in a datagram that answers
 * the question asked last and holds the address. */
static void check_answer(struct sink *sink)
{
	const struct fake_datagram *dgram = fake_delivering;
	const struct sockaddr_in *src;
	const uint8_t *addr = (const uint8_t *)&sink->address.sin.sin_addr;
	size_t i;

	if (!dgram || dgram->len < 16 || memcmp(dgram->data, last_id, 2) != 0)
		__builtin_trap();
	src = (const struct sockaddr_in *)&dgram->src;
	if (!is_server(ntohl(src->sin_addr.s_addr)) || ntohs(src->sin_port) != 53)
		__builtin_trap();
	for (i = 12; i + 4 <= dgram->len; i++) {
		if (memcmp(dgram->data + i, addr, 4) == 0)
			return;
	}
	__builtin_trap();
}

static uint16_t lookup_port;

static void queue_datagram(const struct fuzz_record *record)
{
	static const uint32_t senders[4] = {
		DNS_SERVER_IP, DNS_SERVER_IP, DNS_SERVER_IP + 1, DNS_SECOND_IP,
	};
	static const uint16_t ports[4] = { 53, 5353, 53, 53 };
	unsigned who = (record->control >> 2) & 3;
	uint8_t *copy = malloc(record->len ? record->len : 1);

	memcpy(copy, record->data, record->len);
	if ((record->control & 1) && record->len >= 2)
		memcpy(copy, last_id, 2);
	/* Every question of a lookup goes out from its one socket. */
	if (fake_last_socket)
		lookup_port = ntohs(fake_last_socket->local.st_port);
	fake_reply_port(lookup_port, NULL, copy, record->len,
			fake_addr(senders[who], ports[who]));
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sink asker;
	struct sockaddr any = { .sa_family = 0 };

	fuzz_reset();
	/* Each input starts with nothing learnt from the one before. */
	wb_dns_cache_flush();
	sink_init(&asker, 0);
	asker.check_resolved = check_answer;
	if (wb_resolv(&asker.intf, "boot.example", &any) != 0)
		__builtin_trap();
	fuzz_feed_records(data, size, queue_datagram);
	if (asker.closed && (asker.rc == 0) != asker.resolved)
		__builtin_trap();
	if (asker.resolved && asker.address.sa.sa_family != AF_INET)
		__builtin_trap();
	fuzz_finish(&asker);
	return 0;
}
