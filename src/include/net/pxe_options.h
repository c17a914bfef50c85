/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_PXE_OPTIONS_H
#define NET_PXE_OPTIONS_H

/*
 * The PXE vendor sub-options that PXE servers put in DHCP option 43 (PXE
 * specification 2.1, section 2.2.5): discovery control, multicast
 * discovery address, boot servers, boot menu, menu prompt and boot item. Parsing checks every sub-option's layout once, so that the
 * lookups below walk only validated lists; no network here, so the parser
 * can be fuzzed on its own.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in.h>

/* Sub-option tags inside option 43. */
enum {
	PXE_DISCOVERY_CONTROL = 6,
	PXE_DISCOVERY_MCAST_ADDR = 7,
	PXE_BOOT_SERVERS = 8,
	PXE_BOOT_MENU = 9,
	PXE_MENU_PROMPT = 10,
	PXE_BOOT_ITEM = 71,
};

/* Discovery control bits (sub-option 6). */
#define PXE_DISABLE_BROADCAST 0x01
#define PXE_DISABLE_MULTICAST 0x02
#define PXE_ONLY_LISTED_SERVERS 0x04
#define PXE_USE_BOOT_FILE 0x08

/* What option 43 held; the pointers point into the parsed buffer. */
struct pxe_options {
	uint8_t discovery_control;	/* 0 when absent */
	bool has_mcast;
	struct in_addr mcast;
	const uint8_t *servers;		/* sub-option 8, validated */
	size_t servers_len;
	const uint8_t *menu;		/* sub-option 9, validated */
	size_t menu_len;
	bool has_prompt;
	uint8_t prompt_timeout;		/* seconds; 255: wait for a key */
	const char *prompt;		/* not NUL-terminated */
	size_t prompt_len;
	bool has_item;
	uint16_t item_type;
	uint16_t item_layer;
};

/*
 * Parses the value of option 43. A sub-option of the wrong size, a boot
 * servers entry or menu entry running past its sub-option, or a
 * sub-option running past the data makes the whole value invalid
 * (-EINVAL): a server that sends it is not to be trusted with any part.
 */
int pxe_options_parse(const void *data, size_t len, struct pxe_options *pxe);

/*
 * The servers sub-option 8 lists for boot server type: up to max of them
 * into addrs. Returns how many it lists (which may exceed max).
 */
unsigned pxe_boot_servers(const struct pxe_options *pxe, uint16_t type,
			  struct in_addr *addrs, unsigned max);

/* Whether sub-option 8 lists addr for type. */
bool pxe_server_listed(const struct pxe_options *pxe, uint16_t type,
		       struct in_addr addr);

struct pxe_menu_item {
	uint16_t type;
	const char *text;	/* not NUL-terminated */
	size_t text_len;
};

/* The index'th entry of the boot menu; -ENOENT past its end. */
int pxe_menu_item(const struct pxe_options *pxe, unsigned index,
		  struct pxe_menu_item *item);

/*
 * The option 43 value a client sends in a boot server discovery request:
 * the boot item (type, layer) and the end. Returns its length, or
 * -ENOSPC if max is too small.
 */
int pxe_build_boot_item(void *buf, size_t max, uint16_t type, uint16_t layer);

#endif
