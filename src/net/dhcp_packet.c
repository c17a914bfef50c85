/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * DHCP message parsing and building (see net/dhcp_packet.h). Everything here
 * reads untrusted input: each option is checked against the end of the area
 * it sits in, and the overload option is honoured only in the options field
 * itself, so a file or sname field cannot point to itself or loop.
 */

#include <errno.h>
#include <string.h>
#include <net/dhcp_packet.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>

typedef int (*dhcp_visitor)(void *context, unsigned tag,
			    const uint8_t *value, size_t len);

/*
 * Walks one option area. Pads are skipped, the end option (or the end of
 * the area) stops; an option whose length runs past the area makes the
 * whole area invalid (-EINVAL), so callers never see a partial value.
 */
static int walk_area(const uint8_t *area, size_t len, dhcp_visitor visit,
		     void *context)
{
	size_t pos = 0;

	while (pos < len) {
		unsigned tag = area[pos];
		size_t value_len;
		int rc;

		if (tag == DHCP_PAD) {
			pos++;
			continue;
		}
		if (tag == DHCP_END)
			return 0;
		if (len - pos < 2)
			return -EINVAL;
		value_len = area[pos + 1];
		if (value_len > len - pos - 2)
			return -EINVAL;
		if (visit) {
			rc = visit(context, tag, &area[pos + 2], value_len);
			if (rc)
				return rc;
		}
		pos += 2 + value_len;
	}
	return 0;
}

/* Option areas in the order RFC 2131 section 4.1 gives: options, then
 * file, then sname, as far as option 52 says they hold options. */
static int walk_all(const struct dhcp_packet *pkt, dhcp_visitor visit,
		    void *context)
{
	int rc;

	rc = walk_area(pkt->options, pkt->options_len, visit, context);
	if (rc == 0 && (pkt->overload & DHCP_OVERLOAD_FILE))
		rc = walk_area((const uint8_t *)pkt->hdr->file,
			       sizeof(pkt->hdr->file), visit, context);
	if (rc == 0 && (pkt->overload & DHCP_OVERLOAD_SNAME))
		rc = walk_area((const uint8_t *)pkt->hdr->sname,
			       sizeof(pkt->hdr->sname), visit, context);
	return rc;
}

int dhcp_for_each_option(const struct dhcp_packet *pkt,
			 int (*visit)(void *context, unsigned tag,
				      const uint8_t *value, size_t len),
			 void *context)
{
	return walk_all(pkt, visit, context);
}

int dhcp_walk_options(const uint8_t *area, size_t len,
		      int (*visit)(void *context, unsigned tag,
				   const uint8_t *value, size_t len),
		      void *context)
{
	return walk_area(area, len, visit, context);
}

/* Option 52 is read from the options field only (RFC 2131: it must not
 * appear in the overloaded fields), which is what stops loops. */
static int find_overload(void *context, unsigned tag, const uint8_t *value,
			 size_t len)
{
	unsigned *overload = context;

	if (tag == DHCP_OVERLOAD && len == 1)
		*overload = value[0] & (DHCP_OVERLOAD_FILE | DHCP_OVERLOAD_SNAME);
	return 0;
}

struct message_type_scan {
	unsigned count;
	uint8_t type;
	bool bad_length;
};

static int find_message_type(void *context, unsigned tag,
			     const uint8_t *value, size_t len)
{
	struct message_type_scan *scan = context;

	if (tag != DHCP_MESSAGE_TYPE)
		return 0;
	scan->count++;
	if (len != 1)
		scan->bad_length = true;
	else
		scan->type = value[0];
	return 0;
}

int dhcp_parse(const void *data, size_t len, struct dhcp_packet *pkt)
{
	const struct dhcphdr *hdr = data;
	struct message_type_scan scan = { 0, 0, false };
	unsigned overload = 0;
	int rc;

	memset(pkt, 0, sizeof(*pkt));
	if (len < sizeof(*hdr)) {
		DBG("DHCP message too short (%zu bytes)\n", len);
		return -EINVAL;
	}
	if (hdr->magic != htonl(DHCP_MAGIC_COOKIE)) {
		DBG("DHCP message without magic cookie\n");
		return -EINVAL;
	}
	pkt->hdr = hdr;
	pkt->options = (const uint8_t *)data + sizeof(*hdr);
	pkt->options_len = len - sizeof(*hdr);

	rc = walk_area(pkt->options, pkt->options_len, find_overload, &overload);
	if (rc == 0) {
		pkt->overload = overload;
		rc = walk_all(pkt, find_message_type, &scan);
	}
	if (rc) {
		DBG("DHCP message with a malformed option\n");
		return -EINVAL;
	}
	if (scan.count > 1 || scan.bad_length) {
		DBG("DHCP message with a bad message type option\n");
		return -EINVAL;
	}
	pkt->message_type = scan.type;
	return 0;
}

struct option_copy {
	unsigned tag;
	uint8_t *buf;
	size_t max;
	size_t len;
	bool found;
};

static int copy_option(void *context, unsigned tag, const uint8_t *value,
		       size_t len)
{
	struct option_copy *copy = context;

	if (tag != copy->tag)
		return 0;
	copy->found = true;
	if (copy->len < copy->max) {
		size_t room = copy->max - copy->len;

		memcpy(copy->buf + copy->len, value, len < room ? len : room);
	}
	copy->len += len;
	return 0;
}

int dhcp_option(const struct dhcp_packet *pkt, unsigned tag, void *buf,
		size_t len)
{
	struct option_copy copy = { tag, buf, len, 0, false };

	walk_all(pkt, copy_option, &copy);
	return copy.found ? (int)copy.len : -ENOENT;
}

int dhcp_boot_filename(const struct dhcp_packet *pkt, char *buf, size_t len)
{
	int found;
	size_t text_len;

	if (len == 0)
		return -ENOSPC;
	found = dhcp_option(pkt, DHCP_BOOTFILE_NAME, buf, len - 1);
	if (found >= 0) {
		text_len = (size_t)found < len - 1 ? (size_t)found : len - 1;
		buf[text_len] = '\0';
		/* Some servers count a trailing NUL in the option. */
		text_len = strnlen(buf, text_len);
	} else if (pkt->overload & DHCP_OVERLOAD_FILE) {
		return -ENOENT;
	} else {
		text_len = strnlen(pkt->hdr->file, sizeof(pkt->hdr->file));
		if (text_len > len - 1)
			text_len = len - 1;
		memcpy(buf, pkt->hdr->file, text_len);
		buf[text_len] = '\0';
	}
	return text_len ? (int)text_len : -ENOENT;
}

void dhcp_builder_init(struct dhcp_builder *builder, void *buf, size_t max)
{
	builder->data = buf;
	builder->len = 0;
	builder->max = max;
	builder->overflow = false;
}

/* Long values are split into several instances (RFC 3396). */
void dhcp_put_option(struct dhcp_builder *builder, unsigned tag,
		     const void *value, size_t len)
{
	const uint8_t *bytes = value;

	do {
		size_t chunk = len > 255 ? 255 : len;

		if (builder->max - builder->len < chunk + 2) {
			builder->overflow = true;
			return;
		}
		builder->data[builder->len++] = (uint8_t)tag;
		builder->data[builder->len++] = (uint8_t)chunk;
		memcpy(&builder->data[builder->len], bytes, chunk);
		builder->len += chunk;
		bytes += chunk;
		len -= chunk;
	} while (len);
}

void dhcp_put_byte(struct dhcp_builder *builder, unsigned tag, uint8_t value)
{
	dhcp_put_option(builder, tag, &value, 1);
}

int dhcp_builder_finish(struct dhcp_builder *builder)
{
	if (builder->overflow || builder->len >= builder->max)
		return -ENOSPC;
	builder->data[builder->len++] = DHCP_END;
	return (int)builder->len;
}
