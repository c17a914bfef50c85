/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ntp.c src/net/ntp_packet.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/wallclock.c src/core/random_id.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The SNTP client's state machine on sequences of datagrams (see
 * fuzz_sequence.h): one query receives whatever the input holds, with
 * time passing in between. Control bit 0 writes the nonce of the request
 * into the originate timestamp, so the parser gets past it; bits 2-3 pick
 * the sender (the server's port 123, another port, another address).
 *
 * What must hold: only a query that succeeds moves the clock (a failed
 * one leaves it alone), and the query ends (or is cancelled) without
 * leaving a socket.
 */

#include "fake_inet_family.h"
#include "fuzz_sequence.h"

#include <wireboot/settings.h>

int wb_start_ntp(struct interface *job, const char *server);
int64_t wb_wallclock_now(void);

#define NTP_SERVER_IP 0x0a000005

struct settings global_settings;

int platform_wallclock(int64_t *seconds)
{
	*seconds = 1000;
	return 0;
}

static uint8_t nonce[8];

static void fake_server(const struct fake_sent *sent)
{
	if (sent->len != 48 || ntohs(sent->dest->sin_port) != 123 ||
	    ntohl(sent->dest->sin_addr.s_addr) != NTP_SERVER_IP)
		__builtin_trap();
	memcpy(nonce, sent->data + 40, 8);
}

static void queue_datagram(const struct fuzz_record *record)
{
	static const uint32_t senders[4] = {
		NTP_SERVER_IP, NTP_SERVER_IP, NTP_SERVER_IP + 1, NTP_SERVER_IP,
	};
	static const uint16_t ports[4] = { 123, 1123, 123, 123 };
	unsigned who = (record->control >> 2) & 3;
	uint8_t *copy = malloc(record->len ? record->len : 1);

	memcpy(copy, record->data, record->len);
	if ((record->control & 1) && record->len >= 32)
		memcpy(copy + 24, nonce, 8);
	if (fake_last_socket)
		fake_reply_port(ntohs(fake_last_socket->local.st_port), NULL,
				copy, record->len,
				fake_addr(senders[who], ports[who]));
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sink asker;
	int64_t before;

	fuzz_reset();
	sink_init(&asker, 0);
	/* The platform's clock stands still: only a correction moves it. */
	before = wb_wallclock_now();
	if (wb_start_ntp(&asker.intf, "10.0.0.5") != 0)
		__builtin_trap();
	fuzz_feed_records(data, size, queue_datagram);
	if (wb_wallclock_now() != before && !(asker.closed && asker.rc == 0))
		__builtin_trap();
	fuzz_finish(&asker);
	return 0;
}
