/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PXE vendor sub-options of DHCP option 43 (see net/pxe_options.h). The
 * value is laid out as DHCP options are, so the DHCP option walker reads
 * it; each sub-option we use is then checked for its size and, for the
 * two lists (boot servers, boot menu), walked entry by entry to its end
 * at parse time. The lookups later trust only what passed.
 */

#include <errno.h>
#include <string.h>
#include <net/dhcp_packet.h>
#include <net/pxe_options.h>
#include <wireboot/debug.h>

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Boot servers: type (2), count (1), count addresses (4 each). */
static bool servers_valid(const uint8_t *list, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		if (len - pos < 3)
			return false;
		if ((size_t)list[pos + 2] * 4 > len - pos - 3)
			return false;
		pos += 3 + (size_t)list[pos + 2] * 4;
	}
	return true;
}

/* Boot menu: type (2), text length (1), text. */
static bool menu_valid(const uint8_t *list, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		if (len - pos < 3 || list[pos + 2] > len - pos - 3)
			return false;
		pos += 3 + list[pos + 2];
	}
	return true;
}

static int take_suboption(void *context, unsigned tag, const uint8_t *value,
			  size_t len)
{
	struct pxe_options *pxe = context;

	switch (tag) {
	case PXE_DISCOVERY_CONTROL:
		if (len != 1)
			return -EINVAL;
		pxe->discovery_control = value[0];
		break;
	case PXE_DISCOVERY_MCAST_ADDR:
		if (len != 4)
			return -EINVAL;
		memcpy(&pxe->mcast, value, 4);
		pxe->has_mcast = true;
		break;
	case PXE_BOOT_SERVERS:
		if (!servers_valid(value, len))
			return -EINVAL;
		pxe->servers = value;
		pxe->servers_len = len;
		break;
	case PXE_BOOT_MENU:
		if (!menu_valid(value, len))
			return -EINVAL;
		pxe->menu = value;
		pxe->menu_len = len;
		break;
	case PXE_MENU_PROMPT:
		if (len < 1)
			return -EINVAL;
		pxe->has_prompt = true;
		pxe->prompt_timeout = value[0];
		pxe->prompt = (const char *)value + 1;
		pxe->prompt_len = len - 1;
		break;
	case PXE_BOOT_ITEM:
		if (len != 4)
			return -EINVAL;
		pxe->has_item = true;
		pxe->item_type = get16(value);
		pxe->item_layer = get16(value + 2);
		break;
	default:
		/* Other vendors' sub-options are none of our business. */
		break;
	}
	return 0;
}

int pxe_options_parse(const void *data, size_t len, struct pxe_options *pxe)
{
	memset(pxe, 0, sizeof(*pxe));
	if (dhcp_walk_options(data, len, take_suboption, pxe) != 0) {
		DBG("PXE vendor options malformed\n");
		memset(pxe, 0, sizeof(*pxe));
		return -EINVAL;
	}
	return 0;
}

/* Calls visit() for each address listed for type, until it returns true. */
static bool each_server(const struct pxe_options *pxe, uint16_t type,
			bool (*visit)(void *context, const uint8_t *addr),
			void *context)
{
	const uint8_t *list = pxe->servers;
	size_t pos = 0;
	unsigned i;

	while (pos < pxe->servers_len) {
		unsigned count = list[pos + 2];

		for (i = 0; get16(&list[pos]) == type && i < count; i++) {
			if (visit(context, &list[pos + 3 + i * 4]))
				return true;
		}
		pos += 3 + (size_t)count * 4;
	}
	return false;
}

struct server_copy {
	struct in_addr *addrs;
	unsigned max;
	unsigned found;
};

static bool copy_server(void *context, const uint8_t *addr)
{
	struct server_copy *copy = context;

	if (copy->found < copy->max)
		memcpy(&copy->addrs[copy->found], addr, 4);
	copy->found++;
	return false;
}

unsigned pxe_boot_servers(const struct pxe_options *pxe, uint16_t type,
			  struct in_addr *addrs, unsigned max)
{
	struct server_copy copy = { addrs, max, 0 };

	each_server(pxe, type, copy_server, &copy);
	return copy.found;
}

static bool same_server(void *context, const uint8_t *addr)
{
	return memcmp(context, addr, 4) == 0;
}

bool pxe_server_listed(const struct pxe_options *pxe, uint16_t type,
		       struct in_addr addr)
{
	return each_server(pxe, type, same_server, &addr);
}

int pxe_menu_item(const struct pxe_options *pxe, unsigned index,
		  struct pxe_menu_item *item)
{
	const uint8_t *list = pxe->menu;
	size_t pos = 0;

	while (pos < pxe->menu_len) {
		if (index-- == 0) {
			item->type = get16(&list[pos]);
			item->text = (const char *)&list[pos + 3];
			item->text_len = list[pos + 2];
			return 0;
		}
		pos += 3 + list[pos + 2];
	}
	return -ENOENT;
}

int pxe_build_boot_item(void *buf, size_t max, uint16_t type, uint16_t layer)
{
	uint8_t item[4] = { type >> 8, type & 0xff, layer >> 8, layer & 0xff };
	struct dhcp_builder builder;

	dhcp_builder_init(&builder, buf, max);
	dhcp_put_option(&builder, PXE_BOOT_ITEM, item, sizeof(item));
	return dhcp_builder_finish(&builder);
}
