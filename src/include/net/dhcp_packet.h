/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef NET_DHCP_PACKET_H
#define NET_DHCP_PACKET_H

/*
 * DHCP/BOOTP messages (RFC 2131, 2132): the fixed header, option walking
 * that honours option overload (52) and long options split over several
 * instances (RFC 3396), and building a message's options. No network here,
 * so the parser can be fuzzed on its own.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <net/in.h>
#include <wireboot/compiler.h>

#define BOOTP_SERVER_PORT 67
#define BOOTP_CLIENT_PORT 68
#define PXE_PROXY_PORT 4011

#define BOOTP_REQUEST 1
#define BOOTP_REPLY 2
#define BOOTP_FLAG_BROADCAST 0x8000
#define DHCP_MAGIC_COOKIE 0x63825363

struct dhcphdr {
	uint8_t op;
	uint8_t htype;
	uint8_t hlen;
	uint8_t hops;
	uint32_t xid;
	uint16_t secs;
	uint16_t flags;
	struct in_addr ciaddr;
	struct in_addr yiaddr;
	struct in_addr siaddr;
	struct in_addr giaddr;
	uint8_t chaddr[16];
	char sname[64];
	char file[128];
	uint32_t magic;
} __packed;

/* Option tags (RFC 2132, RFC 4578). */
enum {
	DHCP_PAD = 0,
	DHCP_NETMASK = 1,
	DHCP_ROUTERS = 3,
	DHCP_DNS_SERVERS = 6,
	DHCP_HOSTNAME = 12,
	DHCP_DOMAIN_NAME = 15,
	DHCP_ROOT_PATH = 17,
	DHCP_VENDOR_OPTIONS = 43,
	DHCP_REQUESTED_ADDRESS = 50,
	DHCP_LEASE_TIME = 51,
	DHCP_OVERLOAD = 52,
	DHCP_MESSAGE_TYPE = 53,
	DHCP_SERVER_ID = 54,
	DHCP_PARAMETER_REQUEST_LIST = 55,
	DHCP_MAX_MESSAGE_SIZE = 57,
	DHCP_VENDOR_CLASS_ID = 60,
	DHCP_CLIENT_ID = 61,
	DHCP_TFTP_SERVER_NAME = 66,
	DHCP_BOOTFILE_NAME = 67,
	DHCP_CLIENT_ARCH = 93,
	DHCP_CLIENT_NDI = 94,
	DHCP_CLIENT_UUID = 97,
	DHCP_DOMAIN_SEARCH = 119,	/* RFC 3397 */
	DHCP_END = 255,
};

/* Option 52 values: which header fields hold more options. */
#define DHCP_OVERLOAD_FILE 1
#define DHCP_OVERLOAD_SNAME 2

/* Message types (option 53). */
enum {
	DHCPDISCOVER = 1,
	DHCPOFFER = 2,
	DHCPREQUEST = 3,
	DHCPDECLINE = 4,
	DHCPACK = 5,
	DHCPNAK = 6,
	DHCPRELEASE = 7,
	DHCPINFORM = 8,
};

/* A received message that dhcp_parse() validated. */
struct dhcp_packet {
	const struct dhcphdr *hdr;
	const uint8_t *options;		/* after the magic cookie */
	size_t options_len;
	unsigned overload;		/* DHCP_OVERLOAD_* bits in use */
	uint8_t message_type;		/* 0 for plain BOOTP */
};

/*
 * Validates a BOOTP/DHCP message: header length, magic cookie, every
 * option area walked to its end (an option running past its area is an
 * error; a missing end option ends the area), at most one message type.
 * Returns 0 or -EINVAL; pkt points into data.
 */
int dhcp_parse(const void *data, size_t len, struct dhcp_packet *pkt);

/*
 * Copies option tag into buf (at most len bytes), concatenating repeated
 * instances in option, file, sname order (RFC 3396). Returns the full
 * length, or -ENOENT if absent.
 */
int dhcp_option(const struct dhcp_packet *pkt, unsigned tag, void *buf,
		size_t len);

/* Calls visit() for every option instance, in order; stops early and
 * returns its result if it returns non-zero. */
int dhcp_for_each_option(const struct dhcp_packet *pkt,
			 int (*visit)(void *context, unsigned tag,
				      const uint8_t *value, size_t len),
			 void *context);

/* Walks one area laid out as DHCP options (pad, end, tag-length-value),
 * such as the value of option 43; -EINVAL when a value runs past it. */
int dhcp_walk_options(const uint8_t *area, size_t len,
		      int (*visit)(void *context, unsigned tag,
				   const uint8_t *value, size_t len),
		      void *context);

/*
 * The boot file name (option 67, else the header's file field unless it
 * holds options) as a NUL-terminated string in buf; returns its length or
 * -ENOENT if there is none.
 */
int dhcp_boot_filename(const struct dhcp_packet *pkt, char *buf, size_t len);

/* An option area being built; overflowing sets an error that
 * dhcp_builder_finish() reports. */
struct dhcp_builder {
	uint8_t *data;
	size_t len;
	size_t max;
	bool overflow;
};

void dhcp_builder_init(struct dhcp_builder *builder, void *buf, size_t max);
void dhcp_put_option(struct dhcp_builder *builder, unsigned tag,
		     const void *value, size_t len);
void dhcp_put_byte(struct dhcp_builder *builder, unsigned tag, uint8_t value);
/* Appends the end option; returns the length used, or -ENOSPC. */
int dhcp_builder_finish(struct dhcp_builder *builder);

#endif
