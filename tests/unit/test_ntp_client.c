/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ntp.c src/net/ntp_packet.c src/net/named_socket.c src/net/resolv.c src/net/socket.c src/net/inet.c src/core/wallclock.c src/core/random_id.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/retry.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The SNTP client against a simulated server at the socket level: the
 * clock set from the answer (and half the round trip), replies that are
 * not ours ignored (another nonce, too short, a client's request),
 * silence with retries and ETIMEDOUT, a kiss-o'-death and an
 * unsynchronized server with their reasons, and cancellation.
 */

/* First: they map names the headers' inline functions use. */
#include "fake_inet_family.h"
#include "intf_sink.h"

#include <errno.h>
#include <wireboot/settings.h>

#define start_ntp wb_start_ntp
#define wallclock_now wb_wallclock_now
#define wallclock_is_set wb_wallclock_is_set
#include <net/ntp.h>
#include <wireboot/wallclock.h>

#include "unit.h"

#define NTP_SERVER_IP 0x0a000005
/* 2030-01-01 00:00:00 UTC, since 1970 and since 1900. */
#define SERVER_TIME 1893456000LL
#define NTP_OFFSET 2208988800LL

struct settings global_settings;

int platform_wallclock(int64_t *seconds)
{
	*seconds = 1000;	/* a clock that is far off */
	return 0;
}

static struct {
	bool silent;
	bool kiss, unsynchronized;
	bool garbage_first;	/* replies that are not ours come first */
	unsigned delay_us;	/* before the answer */
	unsigned queries;
	uint64_t times[8];
} srv;

static void fake_server(const struct fake_sent *sent)
{
	uint8_t reply[48];
	uint32_t seconds = (uint32_t)(SERVER_TIME + NTP_OFFSET);

	CHECK_INT(ntohl(sent->dest->sin_addr.s_addr), NTP_SERVER_IP);
	CHECK_INT(ntohs(sent->dest->sin_port), 123);
	if (!CHECK_INT(sent->len, 48))
		return;
	CHECK_INT(sent->data[0], 0x23);
	if (srv.queries < 8)
		srv.times[srv.queries] = fake_now;
	srv.queries++;
	if (srv.silent)
		return;
	fake_now += srv.delay_us;
	memset(reply, 0, sizeof(reply));
	reply[0] = srv.unsynchronized ? 0xe4 : 0x24;
	reply[1] = srv.kiss ? 0 : 2;
	if (srv.kiss)
		memcpy(reply + 12, "RATE", 4);
	memcpy(reply + 24, sent->data + 40, 8);	/* originate = our nonce */
	reply[40] = (uint8_t)(seconds >> 24);
	reply[41] = (uint8_t)(seconds >> 16);
	reply[42] = (uint8_t)(seconds >> 8);
	reply[43] = (uint8_t)seconds;
	reply[44] = 0x80;	/* and a half */
	if (srv.garbage_first) {
		reply[31] ^= 1;
		fake_reply(sent, reply, sizeof(reply), fake_addr(NTP_SERVER_IP, 123));
		reply[31] ^= 1;
		fake_reply(sent, reply, 47, fake_addr(NTP_SERVER_IP, 123));
		reply[0] = 0x23;
		fake_reply(sent, reply, sizeof(reply), fake_addr(NTP_SERVER_IP, 123));
		reply[0] = srv.unsynchronized ? 0xe4 : 0x24;
	}
	fake_reply(sent, reply, sizeof(reply), fake_addr(NTP_SERVER_IP, 123));
}

static struct sink asker;

static int ask(void)
{
	int rc;

	sink_init(&asker, 0);
	rc = wb_start_ntp(&asker.intf, "10.0.0.5");
	if (rc)
		return rc;
	rc = sink_wait(&asker);
	CHECK_INT(fake_open_sockets(), 0);
	return rc;
}

static void test_answers(void)
{
	memset(&srv, 0, sizeof(srv));
	srv.garbage_first = true;
	srv.delay_us = 1000000;	/* a second's round trip */
	CHECK(!wallclock_is_set());
	CHECK_INT(ask(), 0);
	CHECK_INT(srv.queries, 1);
	CHECK(wallclock_is_set());
	/* The server's time, plus half a second of its own and half the
	 * round trip: a second on. */
	CHECK_INT(wallclock_now(), SERVER_TIME + 1);

	memset(&srv, 0, sizeof(srv));
	srv.kiss = true;
	CHECK_INT(err_base(ask()), -ECONNREFUSED);
	CHECK_STR(asker.reason, "NTP server said RATE");

	memset(&srv, 0, sizeof(srv));
	srv.unsynchronized = true;
	CHECK_INT(err_base(ask()), -EAGAIN);
	CHECK_STR(asker.reason, "NTP server not synchronized");
}

static void test_silence(void)
{
	uint64_t start;

	memset(&srv, 0, sizeof(srv));
	srv.silent = true;
	start = fake_now;
	CHECK_INT(err_base(ask()), -ETIMEDOUT);
	/* Asked at 0, 1, 3 and 7 s; given up 8 s later. */
	CHECK_INT(srv.queries, 4);
	CHECK_INT(srv.times[1] - srv.times[0], 1000000);
	CHECK_INT(srv.times[3] - srv.times[2], 4000000);
	CHECK(asker.closed_us - start >= 15000000);
	CHECK(asker.closed_us - start < 16000000);

	/* Cancelled: nothing more is asked. */
	memset(&srv, 0, sizeof(srv));
	srv.silent = true;
	sink_init(&asker, 0);
	CHECK_INT(wb_start_ntp(&asker.intf, "10.0.0.5"), 0);
	fake_run(1500000);
	CHECK_INT(srv.queries, 2);
	sink_cancel(&asker, -ECANCELED);
	fake_run(20000000);
	CHECK_INT(srv.queries, 2);
	CHECK_INT(fake_open_sockets(), 0);
}

int main(void)
{
	test_answers();
	test_silence();
	fake_flush_queue();
	return unit_finish();
}
