/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parts of a DHCPv4 client that the lease exchange (dhcp.c) and boot
 * server discovery (pxebs.c) share (see net/dhcp_client.h): both send
 * requests that identify us as a PXE client of this architecture, both
 * take only replies to their own transaction, and both turn a server's
 * message into settings the same way, so ${proxydhcp/filename} and
 * ${pxebs/filename} mean the same thing.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arch/dhcp_arch.h>
#include <net/dhcp_client.h>
#include <net/ipv4.h>
#include <net/udp.h>
#include <wireboot/byteorder.h>
#include <wireboot/errfile.h>
#include <wireboot/timer.h>
#include <wireboot/xfer.h>

#define ERRFILE ERRFILE_dhcp_client

/* The architecture's PXE client identity (arch/dhcp_arch.h). */
#define PXE_CLIENT_ARCH DHCP_ARCH_CLIENT_ARCH
#define PXE_VENDOR_CLASS DHCP_ARCH_VENDOR_CLASS
#define ETH_HTYPE 1
/* BOOTP servers of old expect at least this much (RFC 1542 section 3.1). */
#define BOOTP_MIN_LEN 300
#define DHCP_OPTIONS_MAX 312

static const uint8_t dhcp_requested_options[] = {
	DHCP_NETMASK, DHCP_ROUTERS, DHCP_DNS_SERVERS, DHCP_HOSTNAME,
	DHCP_DOMAIN_NAME, DHCP_ROOT_PATH, DHCP_VENDOR_OPTIONS,
	DHCP_VENDOR_CLASS_ID, DHCP_TFTP_SERVER_NAME, DHCP_BOOTFILE_NAME,
	DHCP_DOMAIN_SEARCH,
	128, 129, 130, 131, 132, 133, 134, 135,	/* PXE vendor-specific */
};

void dhcp_message_clear(struct dhcp_message *msg)
{
	free(msg->data);
	memset(msg, 0, sizeof(*msg));
}

int dhcp_message_copy(struct dhcp_message *msg, const void *data, size_t len,
		      struct in_addr sender)
{
	uint8_t *copy = malloc(len);
	struct in_addr server;

	if (!copy)
		return -EUNIQ(ENOMEM, 1);
	memcpy(copy, data, len);
	dhcp_message_clear(msg);
	msg->data = copy;
	msg->len = len;
	dhcp_parse(copy, len, &msg->pkt);
	if (dhcp_option(&msg->pkt, DHCP_SERVER_ID, &server, sizeof(server)) ==
	    sizeof(server) && server.s_addr)
		msg->server = server;
	else
		msg->server = sender;
	return 0;
}

/* The global "uuid" setting (the platform's SMBIOS UUID) or one made from
 * the MAC, stable across boots. */
void dhcp_client_uuid(struct net_device *netdev, uint8_t *uuid)
{
	if (fetch_setting(&global_settings, "uuid", uuid, 16, NULL) == 16)
		return;
	memset(uuid, 0, 16);
	uuid[6] = 0x40;		/* version 4 layout */
	uuid[8] = 0x80;		/* RFC 4122 variant */
	memcpy(&uuid[10], netdev->ll_addr, ETH_ALEN);
}

static void put_client_options(struct net_device *netdev, const uint8_t *uuid,
			       struct dhcp_builder *opts)
{
	size_t mtu = netdev->mtu ? netdev->mtu : 1500;
	uint16_t max_size = htons(mtu - sizeof(struct iphdr) - 8 < 576 ?
				  576 : mtu - sizeof(struct iphdr) - 8);
	uint8_t client_id[1 + ETH_ALEN] = { ETH_HTYPE };
	uint16_t arch = htons(PXE_CLIENT_ARCH);
	static const uint8_t ndi[3] = { 1, 3, 0 };	/* UNDI 3.0 */
	uint8_t uuid_option[17] = { 0 };		/* type 0: a GUID */

	memcpy(&client_id[1], netdev->ll_addr, ETH_ALEN);
	memcpy(&uuid_option[1], uuid, 16);
	dhcp_put_option(opts, DHCP_MAX_MESSAGE_SIZE, &max_size, sizeof(max_size));
	dhcp_put_option(opts, DHCP_CLIENT_ID, client_id, sizeof(client_id));
	dhcp_put_option(opts, DHCP_PARAMETER_REQUEST_LIST,
			dhcp_requested_options, sizeof(dhcp_requested_options));
	dhcp_put_option(opts, DHCP_VENDOR_CLASS_ID, PXE_VENDOR_CLASS,
			sizeof(PXE_VENDOR_CLASS) - 1);
	dhcp_put_option(opts, DHCP_CLIENT_ARCH, &arch, sizeof(arch));
	dhcp_put_option(opts, DHCP_CLIENT_NDI, ndi, sizeof(ndi));
	dhcp_put_option(opts, DHCP_CLIENT_UUID, uuid_option, sizeof(uuid_option));
}

struct io_buffer *dhcp_request_alloc(struct interface *xfer,
				     struct net_device *netdev, uint32_t xid,
				     uint64_t start_us, struct dhcp_builder *opts)
{
	uint64_t elapsed_s = (monotonic_us() - start_us) / 1000000;
	struct dhcphdr *hdr;
	struct io_buffer *iob;

	iob = xfer_alloc_iob(xfer, sizeof(*hdr) + DHCP_OPTIONS_MAX);
	if (!iob)
		return NULL;
	hdr = iob_put(iob, sizeof(*hdr));
	memset(hdr, 0, sizeof(*hdr));
	hdr->op = BOOTP_REQUEST;
	hdr->htype = ETH_HTYPE;
	hdr->hlen = ETH_ALEN;
	hdr->xid = xid;
	hdr->secs = htons(elapsed_s > 0xffff ? 0xffff : elapsed_s);
	memcpy(hdr->chaddr, netdev->ll_addr, ETH_ALEN);
	hdr->magic = htonl(DHCP_MAGIC_COOKIE);
	dhcp_builder_init(opts, iob->tail, DHCP_OPTIONS_MAX);
	return iob;
}

int dhcp_request_send(struct interface *xfer, struct net_device *netdev,
		      const uint8_t *uuid, struct io_buffer *iob,
		      struct dhcp_builder *opts, struct in_addr dest,
		      uint16_t port)
{
	struct sockaddr_in sin = {
		.sin_family = AF_INET,
		.sin_addr = dest,
		.sin_port = htons(port),
		.sin_scope_id = (uint16_t)(netdev->index + 1),
	};
	struct xfer_metadata meta = {
		.dest = (struct sockaddr *)&sin,
		.netdev = netdev,
	};
	size_t header = sizeof(struct dhcphdr);
	int len;

	put_client_options(netdev, uuid, opts);
	len = dhcp_builder_finish(opts);
	if (len < 0) {
		free_iob(iob);
		return len;
	}
	if (header + (size_t)len < BOOTP_MIN_LEN) {
		memset((uint8_t *)iob->tail + len, DHCP_PAD,
		       BOOTP_MIN_LEN - header - len);
		len = BOOTP_MIN_LEN - header;
	}
	iob_put(iob, len);
	return xfer_deliver(xfer, iob, &meta);
}

bool dhcp_reply_is_ours(const struct dhcp_packet *pkt, uint32_t xid,
			struct net_device *netdev)
{
	return pkt->hdr->op == BOOTP_REPLY && pkt->hdr->xid == xid &&
	       pkt->hdr->hlen == ETH_ALEN &&
	       memcmp(pkt->hdr->chaddr, netdev->ll_addr, ETH_ALEN) == 0;
}

int dhcp_store_all_options(struct settings *block,
			   const struct dhcp_packet *pkt)
{
	uint8_t value[1024];
	unsigned tag;
	int len, rc;

	for (tag = 1; tag < DHCP_END; tag++) {
		char name[4];

		len = dhcp_option(pkt, tag, value, sizeof(value));
		if (len <= 0)
			continue;
		snprintf(name, sizeof(name), "%u", tag);
		rc = store_setting(block, name, SETTING_HEX, value,
				   len < (int)sizeof(value) ? (size_t)len
							    : sizeof(value));
		if (rc)
			return rc;
	}
	return 0;
}

int dhcp_store_boot_settings(struct settings *block,
			     const struct dhcp_message *msg)
{
	const struct dhcp_packet *pkt = &msg->pkt;
	char filename[256];
	struct in_addr next_server = pkt->hdr->siaddr;
	char server_name[64];
	int len, rc;

	len = dhcp_boot_filename(pkt, filename, sizeof(filename));
	if (len > 0) {
		rc = store_setting(block, "filename", SETTING_STRING, filename,
				   (size_t)len);
		if (rc)
			return rc;
	}
	if (!next_server.s_addr) {
		len = dhcp_option(pkt, DHCP_TFTP_SERVER_NAME, server_name,
				  sizeof(server_name) - 1);
		if (len > 0 && len < (int)sizeof(server_name)) {
			server_name[len] = '\0';
			inet_aton(server_name, &next_server);
		}
	}
	if (next_server.s_addr)
		return store_setting(block, "next-server", SETTING_IPV4,
				     &next_server, sizeof(next_server));
	return 0;
}

int dhcp_register_message_block(struct settings *block, const char *name,
				const struct dhcp_message *msg)
{
	int rc;

	settings_init(block, name);
	rc = dhcp_store_all_options(block, &msg->pkt);
	if (!rc)
		rc = dhcp_store_boot_settings(block, msg);
	if (rc) {
		unregister_settings(block);
		return rc;
	}
	register_settings(block, NULL);
	return 0;
}
