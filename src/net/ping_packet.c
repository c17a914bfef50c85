/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Echo messages (see net/ping_packet.h). Replies are untrusted: the
 * length is checked before every read, and the data must be exactly the
 * pattern sent, byte i being i's low bits.
 */

#include <errno.h>
#include <string.h>
#include <net/ping_packet.h>
#include <wireboot/byteorder.h>

int echo_build(void *buf, size_t buf_len, uint8_t type, uint16_t ident,
	       uint16_t seq, size_t len)
{
	struct echo_header *hdr = buf;
	uint8_t *data = (uint8_t *)buf + sizeof(*hdr);
	size_t i;

	if (buf_len < sizeof(*hdr) || buf_len - sizeof(*hdr) < len)
		return -ENOSPC;
	hdr->type = type;
	hdr->code = 0;
	hdr->chksum = 0;
	hdr->ident = htons(ident);
	hdr->seq = htons(seq);
	for (i = 0; i < len; i++)
		data[i] = (uint8_t)i;
	return (int)(sizeof(*hdr) + len);
}

int echo_parse(const void *data, size_t len, uint8_t type, uint16_t *ident,
	       uint16_t *seq)
{
	const struct echo_header *hdr = data;
	const uint8_t *payload = (const uint8_t *)data + sizeof(*hdr);
	size_t i, payload_len;

	if (len < sizeof(*hdr) || hdr->type != type || hdr->code != 0)
		return -EINVAL;
	payload_len = len - sizeof(*hdr);
	if (payload_len > 0xffff)
		return -EINVAL;
	for (i = 0; i < payload_len; i++) {
		if (payload[i] != (uint8_t)i)
			return -EINVAL;
	}
	*ident = ntohs(hdr->ident);
	*seq = ntohs(hdr->seq);
	return (int)payload_len;
}
