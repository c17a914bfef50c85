/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SNTP messages (see net/ntp_packet.h). Timestamps count seconds since
 * 1900 in 32 bits, so they wrap in 2036: as RFC 4330 section 3 says, a
 * value with the top bit clear is taken to be after the wrap (2036-2104),
 * one with it set before (1968-2036).
 */

#include <errno.h>
#include <string.h>
#include <net/ntp_packet.h>
#include <wireboot/byteorder.h>

#define NTP_VERSION 4
#define NTP_MODE_CLIENT 3
#define NTP_MODE_SERVER 4
#define NTP_LEAP_ALARM 3
/* 1900-01-01 to 1970-01-01 */
#define NTP_UNIX_OFFSET 2208988800LL

struct ntp_header {
	uint8_t flags;		/* leap indicator 2, version 3, mode 3 bits */
	uint8_t stratum;
	uint8_t poll;
	int8_t precision;
	uint32_t root_delay;
	uint32_t root_dispersion;
	uint8_t reference_id[4];
	uint8_t reference[8];
	uint8_t originate[8];
	uint8_t receive[8];
	uint8_t transmit[8];
};

static void put64(uint8_t *out, uint64_t value)
{
	unsigned i;

	for (i = 0; i < 8; i++)
		out[i] = (uint8_t)(value >> (56 - 8 * i));
}

static uint64_t get64(const uint8_t *in)
{
	uint64_t value = 0;
	unsigned i;

	for (i = 0; i < 8; i++)
		value = value << 8 | in[i];
	return value;
}

int ntp_build_request(void *buf, size_t len, uint64_t nonce)
{
	struct ntp_header *hdr = buf;

	if (len < NTP_PACKET_LEN)
		return -ENOSPC;
	memset(hdr, 0, NTP_PACKET_LEN);
	hdr->flags = NTP_VERSION << 3 | NTP_MODE_CLIENT;
	put64(hdr->transmit, nonce);
	return NTP_PACKET_LEN;
}

int ntp_parse_reply(const void *data, size_t len, uint64_t nonce,
		    struct ntp_reply *reply)
{
	const struct ntp_header *hdr = data;
	unsigned leap, version, mode;
	uint64_t transmit;
	uint32_t seconds;

	memset(reply, 0, sizeof(*reply));
	if (len < NTP_PACKET_LEN)
		return -EINVAL;
	leap = hdr->flags >> 6;
	version = (hdr->flags >> 3) & 7;
	mode = hdr->flags & 7;
	if (mode != NTP_MODE_SERVER || version < 3 || version > 4 ||
	    get64(hdr->originate) != nonce)
		return -EINVAL;
	reply->stratum = hdr->stratum;
	if (hdr->stratum == 0) {
		memcpy(reply->kiss, hdr->reference_id, 4);
		/* Only printable codes are shown. */
		for (unsigned i = 0; i < 4; i++) {
			if (reply->kiss[i] < 0x20 || reply->kiss[i] > 0x7e)
				reply->kiss[i] = '?';
		}
		return -ECONNREFUSED;
	}
	transmit = get64(hdr->transmit);
	if (leap == NTP_LEAP_ALARM || hdr->stratum > 15 || !transmit)
		return -EAGAIN;
	seconds = (uint32_t)(transmit >> 32);
	reply->seconds = (int64_t)seconds - NTP_UNIX_OFFSET;
	if (!(seconds & 0x80000000U))
		reply->seconds += 0x100000000LL;
	reply->fraction = (uint32_t)transmit;
	return 0;
}
