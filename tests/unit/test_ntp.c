/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/ntp_packet.c src/core/wallclock.c src/core/string.c
/*
 * SNTP: the request (version 4, client mode, the nonce as transmit
 * timestamp), replies read (the time since 1970, either side of the 2036
 * wrap), and replies refused: too short, another mode or version, another
 * nonce, a kiss-o'-death (with its code), an unsynchronized server. Also
 * the wall clock's date arithmetic and its correction.
 */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wireboot/settings.h>

#define ntp_build_request wb_ntp_build_request
#define ntp_parse_reply wb_ntp_parse_reply
#define wallclock_from_civil wb_wallclock_from_civil
#define wallclock_now wb_wallclock_now
#define wallclock_set wb_wallclock_set
#define wallclock_is_set wb_wallclock_is_set
#include <net/ntp_packet.h>
#include <wireboot/wallclock.h>

#include "unit.h"

struct settings global_settings;
static int64_t platform_now = 1000000000;
static int platform_rc;
static uint64_t fake_us;

int platform_wallclock(int64_t *seconds)
{
	*seconds = platform_now;
	return platform_rc;
}

uint64_t monotonic_us(void)
{
	return fake_us;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* A server's reply to nonce, transmitting ntp_seconds (since 1900). */
static void make_reply(uint8_t *reply, uint64_t nonce, uint32_t ntp_seconds)
{
	unsigned i;

	memset(reply, 0, NTP_PACKET_LEN);
	reply[0] = 0x24;	/* leap 0, version 4, server */
	reply[1] = 2;
	for (i = 0; i < 8; i++)
		reply[24 + i] = (uint8_t)(nonce >> (56 - 8 * i));
	put32(reply + 40, ntp_seconds);
	put32(reply + 44, 0x80000000U);
}

static void test_request(void)
{
	uint8_t buf[64];

	CHECK_INT(ntp_build_request(buf, sizeof(buf), 0x0102030405060708ULL),
		  NTP_PACKET_LEN);
	CHECK_INT(buf[0], 0x23);
	CHECK(buf[40] == 1 && buf[47] == 8);
	CHECK_INT(ntp_build_request(buf, 47, 1), -ENOSPC);
}

static void test_reply(void)
{
	uint64_t nonce = 0x1122334455667788ULL;
	struct ntp_reply reply;
	uint8_t msg[NTP_PACKET_LEN + 20];

	/* 2026-12-01 00:00:00 UTC is 1796083200 since 1970. */
	make_reply(msg, nonce, (uint32_t)(1796083200ULL + 2208988800ULL));
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), 0);
	CHECK_INT(reply.seconds, 1796083200);
	CHECK_INT(reply.fraction, 0x80000000U);
	CHECK_INT(reply.stratum, 2);
	/* An authenticator after the header changes nothing. */
	CHECK_INT(ntp_parse_reply(msg, sizeof(msg), nonce, &reply), 0);
	/* After the 2036 wrap: the top bit clear. */
	make_reply(msg, nonce, 100);
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), 0);
	CHECK_INT(reply.seconds, 4294967296LL - 2208988800LL + 100);
	/* Version 3 is fine too. */
	msg[0] = 0x1c;
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), 0);

	/* Not the reply. */
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN - 1, nonce, &reply), -EINVAL);
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce + 1, &reply), -EINVAL);
	msg[0] = 0x23;	/* a client's request */
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -EINVAL);
	msg[0] = 0x2c;	/* version 5 */
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -EINVAL);

	/* Told to go away, with the reason. */
	make_reply(msg, nonce, 100);
	msg[1] = 0;
	memcpy(msg + 12, "RATE", 4);
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -ECONNREFUSED);
	CHECK_STR(reply.kiss, "RATE");
	memcpy(msg + 12, "\x01""AB\xff", 4);
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -ECONNREFUSED);
	CHECK_STR(reply.kiss, "?AB?");
	/* Unsynchronized, or without a time. */
	make_reply(msg, nonce, 100);
	msg[0] |= 0xc0;
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -EAGAIN);
	make_reply(msg, nonce, 0);
	memset(msg + 40, 0, 8);
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -EAGAIN);
	make_reply(msg, nonce, 100);
	msg[1] = 16;
	CHECK_INT(ntp_parse_reply(msg, NTP_PACKET_LEN, nonce, &reply), -EAGAIN);
}

static void test_civil(void)
{
	int64_t t;

	CHECK_INT(wallclock_from_civil(&t, 1970, 1, 1, 0, 0, 0), 0);
	CHECK_INT(t, 0);
	CHECK_INT(wallclock_from_civil(&t, 2000, 2, 29, 12, 0, 0), 0);
	CHECK_INT(t, 951825600);
	CHECK_INT(wallclock_from_civil(&t, 2026, 12, 1, 0, 0, 0), 0);
	CHECK_INT(t, 1796083200);
	CHECK_INT(wallclock_from_civil(&t, 2038, 1, 19, 3, 14, 8), 0);
	CHECK_INT(t, 2147483648LL);
	CHECK_INT(wallclock_from_civil(&t, 2100, 3, 1, 0, 0, 0), 0);
	CHECK_INT(t, 4107542400LL);
	CHECK_INT(wallclock_from_civil(&t, 2100, 2, 29, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 2023, 2, 29, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 2023, 13, 1, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 2023, 4, 31, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 2023, 0, 1, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 1969, 12, 31, 0, 0, 0), -EINVAL);
	CHECK_INT(wallclock_from_civil(&t, 2023, 1, 1, 24, 0, 0), -EINVAL);
}

static void test_correction(void)
{
	CHECK(!wallclock_is_set());
	CHECK_INT(wallclock_now(), 1000000000);
	wallclock_set(1000000500);
	CHECK(wallclock_is_set());
	platform_now += 10;
	CHECK_INT(wallclock_now(), 1000000510);
	/* Without a platform clock the monotonic clock counts on. */
	platform_rc = -EIO;
	CHECK_INT(wallclock_now(), 0);
	fake_us = 5000000;
	wallclock_set(2000000000);
	fake_us = 8000000;
	CHECK_INT(wallclock_now(), 2000000003);
}

int main(void)
{
	test_request();
	test_reply();
	test_civil();
	test_correction();
	return unit_finish();
}
