/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dhcp.c src/net/pxebs.c src/net/dhcp_client.c src/net/pxe_options.c src/core/random_id.c src/net/dhcp_packet.c src/net/inet.c src/net/socket.c src/net/ipv4.c src/net/reassembly.c src/core/netdev.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/job.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * DHCP: the message parser on good and malformed input (truncation, option
 * lengths, overload and its loops, pads, missing end), and the
 * client (start_dhcp) on a real network device against simulated servers
 * at the socket level: plain DHCP, ProxyDHCP with and without a boot file,
 * the port 4011 question, NAK (restart and limit), silence, garbage,
 * answers from servers we did not ask (with and without a server
 * identifier), cancellation by closing the job, and two devices at once.
 * The lease must land in the device's "netN.dhcp" settings block and,
 * through the IPv4 settings applicator, in the device's IPv4
 * configuration.
 *
 * Boot server discovery (start_pxebs) after such a lease: a ProxyDHCP
 * offer with a boot menu (not asked on port 4011) whose listed server is
 * asked by unicast with our boot item, answers with another boot item or
 * from an unlisted server ignored, broadcast when no option 43 says
 * otherwise, nobody to ask, no lease, and silence ending in a timeout.
 */

/* First: it maps names the headers' inline functions use. */
#include "intf_sink.h"
#include "fake_blank_nic.h"

#include <errno.h>
#include <stdio.h>
#include <net/arp.h>
#include <net/ipv4.h>
#include <net/netproto.h>
#include <net/tcpip.h>
#include <wireboot/build_info.h>
#include <wireboot/job.h>
#include <wireboot/settings.h>

#define dhcp_parse wb_dhcp_parse
#define dhcp_option wb_dhcp_option
#define dhcp_for_each_option wb_dhcp_for_each_option
#define dhcp_boot_filename wb_dhcp_boot_filename
#define dhcp_builder_init wb_dhcp_builder_init
#define dhcp_put_option wb_dhcp_put_option
#define dhcp_put_byte wb_dhcp_put_byte
#define dhcp_builder_finish wb_dhcp_builder_finish
#include <net/dhcp_packet.h>

#include "unit.h"

int wb_start_dhcp(struct interface *job, struct net_device *netdev);
int wb_start_pxebs(struct interface *job, struct net_device *netdev,
		   uint16_t type);
const void *wb_dhcp_last_message(struct net_device *netdev, bool proxy,
				 size_t *len);
void wb_unregister_netdev(struct net_device *netdev);
struct in_addr wb_ipv4_address(struct net_device *netdev);
void wb_ipv4_config(struct net_device *netdev, struct in_addr *address,
		    struct in_addr *netmask, struct in_addr *gateway);
void wb_job_progress(struct interface *intf, struct job_progress *progress);
extern struct settings wb_global_settings;
int wb_store_setting(struct settings *block, const char *name,
		     enum setting_type type, const void *data, size_t len);
int wb_fetchf_setting(const char *name, char *buf, size_t len);

const struct build_info build_info = { .version = "test" };

/* ---- the layers below IPv4, which these tests do not reach -------------- */

/* Nothing here sends through IPv4: DHCP talks to the fake sockets. */
static unsigned lower_layer_calls, arp_flushes;

void arp_flush(struct net_device *netdev)
{
	(void)netdev;
	arp_flushes++;
}

int arp_resolve_tx(struct io_buffer *iob, struct net_device *netdev,
		   struct in_addr next_hop, struct in_addr src)
{
	(void)netdev;
	(void)next_hop;
	(void)src;
	lower_layer_calls++;
	wb_free_iob(iob);
	return -ENETUNREACH;
}

int net_tx(struct io_buffer *iob, struct net_device *netdev,
	   const struct net_protocol *net_protocol, const void *ll_dest)
{
	(void)netdev;
	(void)net_protocol;
	(void)ll_dest;
	lower_layer_calls++;
	wb_free_iob(iob);
	return -ENETUNREACH;
}

uint16_t tcpip_chksum(uint16_t partial, const void *data, size_t len)
{
	(void)data;
	(void)len;
	lower_layer_calls++;
	return partial;
}

int tcpip_rx(struct io_buffer *iob, struct net_device *netdev,
	     uint8_t protocol, struct sockaddr_tcpip *st_src,
	     struct sockaddr_tcpip *st_dest, uint16_t csum)
{
	(void)netdev;
	(void)protocol;
	(void)st_src;
	(void)st_dest;
	(void)csum;
	lower_layer_calls++;
	wb_free_iob(iob);
	return -ENOTCONN;
}

struct net_device *tcpip_scope_netdev(const struct sockaddr_tcpip *st)
{
	(void)st;
	lower_layer_calls++;
	return NULL;
}

struct io_buffer *ipv4_reassemble(struct io_buffer *iob,
				  struct net_device *netdev,
				  const struct iphdr *iphdr, size_t hlen);
struct io_buffer *ipv4_reassemble(struct io_buffer *iob,
				  struct net_device *netdev,
				  const struct iphdr *iphdr, size_t hlen)
{
	(void)netdev;
	(void)iphdr;
	(void)hlen;
	lower_layer_calls++;
	wb_free_iob(iob);
	return NULL;
}

/* IPv4 asks the configuration to link these; the tests need neither. */
const char object_icmp[1], object_arp[1];

/* ---- the devices --------------------------------------------------------- */

static struct net_device *net0, *net1;

/* ---- building messages ---------------------------------------------------- */

#define SERVER_IP 0x0a000001	/* 10.0.0.1 */
#define PROXY_IP 0x0a000002	/* 10.0.0.2 */
#define CLIENT_IP 0x0a000005	/* 10.0.0.5 */

struct message {
	uint8_t data[1500];
	size_t len;
	struct dhcp_builder opts;
};

static const uint8_t mac0[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t mac1[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x57 };
/* Whom the replies being built are for. */
static const uint8_t *reply_mac = mac0;

static struct dhcphdr *message_start(struct message *msg, uint32_t xid,
				     uint32_t yiaddr, uint32_t siaddr)
{
	struct dhcphdr *hdr = (struct dhcphdr *)msg->data;

	memset(msg, 0, sizeof(*msg));
	hdr->op = BOOTP_REPLY;
	hdr->htype = 1;
	hdr->hlen = 6;
	hdr->xid = xid;
	hdr->yiaddr.s_addr = htonl(yiaddr);
	hdr->siaddr.s_addr = htonl(siaddr);
	memcpy(hdr->chaddr, reply_mac, 6);
	hdr->magic = htonl(DHCP_MAGIC_COOKIE);
	dhcp_builder_init(&msg->opts, msg->data + sizeof(*hdr),
			  sizeof(msg->data) - sizeof(*hdr));
	return hdr;
}

static void put_ip(struct message *msg, unsigned tag, uint32_t host_addr)
{
	uint32_t addr = htonl(host_addr);

	dhcp_put_option(&msg->opts, tag, &addr, 4);
}

static void put_text(struct message *msg, unsigned tag, const char *text)
{
	dhcp_put_option(&msg->opts, tag, text, strlen(text));
}

static void message_end(struct message *msg)
{
	msg->len = sizeof(struct dhcphdr) + dhcp_builder_finish(&msg->opts);
}

/* ---- parser --------------------------------------------------------------- */

static void test_parse_basic(void)
{
	struct message msg;
	struct dhcp_packet pkt;
	uint8_t buf[300];
	char name[64];

	message_start(&msg, 1, CLIENT_IP, 0);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPOFFER);
	put_ip(&msg, DHCP_SERVER_ID, SERVER_IP);
	put_text(&msg, DHCP_BOOTFILE_NAME, "boot.efi");
	message_end(&msg);
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), 0);
	CHECK_INT(pkt.message_type, DHCPOFFER);
	CHECK_INT(dhcp_option(&pkt, DHCP_SERVER_ID, buf, sizeof(buf)), 4);
	CHECK_INT(dhcp_option(&pkt, DHCP_ROUTERS, buf, sizeof(buf)), -ENOENT);
	CHECK_INT(dhcp_boot_filename(&pkt, name, sizeof(name)), 8);
	CHECK_STR(name, "boot.efi");
	/* A short buffer still reports the full length. */
	CHECK_INT(dhcp_option(&pkt, DHCP_BOOTFILE_NAME, buf, 3), 8);

	/* Every prefix shorter than the header is refused; longer prefixes
	 * either parse or are refused, never read past the end. */
	for (size_t len = 0; len < msg.len; len++) {
		uint8_t *copy = malloc(len ? len : 1);

		memcpy(copy, msg.data, len);
		if (len < sizeof(struct dhcphdr))
			CHECK_INT(dhcp_parse(copy, len, &pkt), -EINVAL);
		else
			dhcp_parse(copy, len, &pkt);
		free(copy);
	}
	msg.data[236] ^= 1;	/* the magic cookie */
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), -EINVAL);
}

static void test_parse_malformed(void)
{
	struct message msg;
	struct dhcp_packet pkt;
	uint8_t *opts;
	uint8_t buf[8];

	/* An option whose length runs past the packet. */
	message_start(&msg, 1, 0, 0);
	opts = msg.data + sizeof(struct dhcphdr);
	opts[0] = DHCP_MESSAGE_TYPE; opts[1] = 1; opts[2] = DHCPOFFER;
	opts[3] = DHCP_HOSTNAME; opts[4] = 200; opts[5] = 'x';
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 6, &pkt), -EINVAL);
	/* A tag with no length byte. */
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 4, &pkt), -EINVAL);
	/* No end option: the area ends with the packet. */
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 3, &pkt), 0);
	CHECK_INT(pkt.message_type, DHCPOFFER);
	/* Pads anywhere, and nothing after the end option counts. */
	memset(opts, 0, 20);
	opts[5] = DHCP_MESSAGE_TYPE; opts[6] = 1; opts[7] = DHCPACK;
	opts[8] = DHCP_END;
	opts[9] = DHCP_HOSTNAME; opts[10] = 250;
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 20, &pkt), 0);
	CHECK_INT(pkt.message_type, DHCPACK);
	CHECK_INT(dhcp_option(&pkt, DHCP_HOSTNAME, buf, sizeof(buf)), -ENOENT);
	/* Two message types, or one of the wrong length. */
	opts[8] = DHCP_MESSAGE_TYPE; opts[9] = 1; opts[10] = DHCPNAK;
	opts[11] = DHCP_END;
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 20, &pkt), -EINVAL);
	opts[6] = 2;
	opts[8] = 0;
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr) + 20, &pkt), -EINVAL);
	/* Only options: no header fields beyond the cookie are needed. */
	CHECK_INT(dhcp_parse(msg.data, sizeof(struct dhcphdr), &pkt), 0);
	CHECK_INT(pkt.message_type, 0);
}

static void test_parse_overload(void)
{
	struct message msg;
	struct dhcphdr *hdr;
	struct dhcp_packet pkt;
	uint8_t buf[300];
	char name[300];
	uint8_t *file;

	hdr = message_start(&msg, 1, CLIENT_IP, 0);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPACK);
	dhcp_put_byte(&msg.opts, DHCP_OVERLOAD, 3);
	put_text(&msg, DHCP_HOSTNAME, "ab");
	message_end(&msg);
	/* file: the boot file name and a second part of the host name;
	 * sname: an overload option of its own, which must be ignored. */
	file = (uint8_t *)hdr->file;
	file[0] = DHCP_BOOTFILE_NAME; file[1] = 4; memcpy(&file[2], "x.ef", 4);
	file[6] = DHCP_HOSTNAME; file[7] = 2; file[8] = 'c'; file[9] = 'd';
	file[10] = DHCP_END;
	hdr->sname[0] = DHCP_OVERLOAD; hdr->sname[1] = 1; hdr->sname[2] = 3;
	hdr->sname[3] = DHCP_DOMAIN_NAME; hdr->sname[4] = 1; hdr->sname[5] = 'z';
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), 0);
	CHECK_INT(pkt.overload, 3);
	CHECK_INT(dhcp_boot_filename(&pkt, name, sizeof(name)), 4);
	CHECK_STR(name, "x.ef");
	/* RFC 3396: instances are joined in options, file, sname order. */
	CHECK_INT(dhcp_option(&pkt, DHCP_HOSTNAME, buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "abcd", 4) == 0);
	CHECK_INT(dhcp_option(&pkt, DHCP_DOMAIN_NAME, buf, sizeof(buf)), 1);

	/* A bad option inside an overloaded field spoils the message. */
	file[7] = 200;
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), -EINVAL);

	/* Without overload the file field is the boot file name, and a file
	 * field that holds options is not. */
	hdr = message_start(&msg, 1, CLIENT_IP, 0);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPACK);
	message_end(&msg);
	strcpy(hdr->file, "pxe/grub.efi");
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), 0);
	CHECK_INT(dhcp_boot_filename(&pkt, name, sizeof(name)), 12);
	CHECK_STR(name, "pxe/grub.efi");
	memset(hdr->file, 'a', sizeof(hdr->file));	/* no NUL at all */
	CHECK_INT(dhcp_boot_filename(&pkt, name, sizeof(name)), 128);
	CHECK_INT(dhcp_boot_filename(&pkt, name, 10), 9);
}

static void test_builder(void)
{
	uint8_t area[600], value[300];
	struct dhcp_builder opts;
	struct message msg;
	struct dhcp_packet pkt;

	/* A 300-byte value is split in two instances and read back whole. */
	memset(value, 'v', sizeof(value));
	message_start(&msg, 1, 0, 0);
	dhcp_put_option(&msg.opts, DHCP_ROOT_PATH, value, sizeof(value));
	message_end(&msg);
	CHECK_INT(msg.len, sizeof(struct dhcphdr) + 2 + 255 + 2 + 45 + 1);
	CHECK_INT(dhcp_parse(msg.data, msg.len, &pkt), 0);
	CHECK_INT(dhcp_option(&pkt, DHCP_ROOT_PATH, area, sizeof(area)), 300);

	dhcp_builder_init(&opts, area, 5);
	dhcp_put_byte(&opts, DHCP_MESSAGE_TYPE, DHCPDISCOVER);
	CHECK_INT(dhcp_builder_finish(&opts), 4);
	dhcp_builder_init(&opts, area, 5);
	dhcp_put_option(&opts, DHCP_HOSTNAME, "long", 4);
	CHECK_INT(dhcp_builder_finish(&opts), -ENOSPC);
}

/* ---- simulated servers ---------------------------------------------------- */

#define OTHER_IP 0x0a000009	/* 10.0.0.9: a server nobody asked */

/* How a reply names its server (option 54). */
enum server_id { ID_OWN, ID_NONE, ID_MALFORMED, ID_OTHER };

/* What the servers of a test do. */
static struct {
	bool silent;		/* nobody answers */
	bool with_filename;	/* the lease names a boot file */
	bool proxy;		/* a ProxyDHCP server exists */
	bool proxy_filename;	/* its offer names the boot file */
	bool proxy_answers_4011;
	bool nak_first;		/* the first REQUEST is refused */
	bool nak_always;	/* every REQUEST is refused */
	bool garbage;		/* malformed replies come first */
	bool overload_ack;	/* the ACK carries its boot file in "file" */
	bool pxe_lease;		/* the DHCP server itself says "PXEClient" */
	bool ack_without_id;	/* our server's ACK lacks option 54 */
	/* Before our server's answer to a REQUEST, one from elsewhere: */
	bool foreign_ack;	/* an ACK from 10.0.0.9 ... */
	enum server_id foreign_id;	/* ... naming its server like this */
	bool foreign_nak;	/* a NAK from 10.0.0.9 (option 54 its own) */
	bool own_nak_other_id;	/* a NAK from our address naming 10.0.0.9 */
	bool own_ack_other_id;	/* an ACK from our address naming 10.0.0.9 */
	bool late_offer;	/* 10.0.0.9 offers too, with a boot file */
	bool repeat_offer;	/* our server offers again, another address */
	/* Boot server discovery: */
	bool proxy_menu;	/* the proxy offer: a menu, broadcast off */
	bool only_listed;	/* ... and only listed servers count */
	bool bs_wrong_item;	/* a first answer names another item */
	bool bs_unlisted;	/* a first answer from 10.0.0.9 */
	unsigned bs_requests;
	uint32_t bs_dest;
	uint16_t bs_port, bs_item;
	uint32_t ip_offset;	/* added to the address offered */
	unsigned discovers, requests, proxy_requests;
	struct dhcp_packet last_discover;
	uint8_t last_discover_data[1500];
	struct net_device *last_netdev;
	uint16_t last_local_port, last_scope;
} world;

/* The address each device is offered. */
static uint32_t lease_ip(const struct fake_sent *sent)
{
	return CLIENT_IP + world.ip_offset +
	       (sent->netdev ? 16 * sent->netdev->index : 0);
}

static void send_garbage(const struct fake_sent *sent, uint32_t xid)
{
	struct message msg;
	struct dhcphdr *hdr;

	/* Truncated, other xid, other MAC, bad option length. */
	message_start(&msg, xid, lease_ip(sent) + 1, 0);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPOFFER);
	message_end(&msg);
	fake_reply(sent, msg.data, 100, fake_addr(SERVER_IP, 67));
	hdr = (struct dhcphdr *)msg.data;
	hdr->xid = xid + 1;
	fake_reply(sent, msg.data, msg.len, fake_addr(SERVER_IP, 67));
	hdr->xid = xid;
	hdr->chaddr[5] ^= 1;
	fake_reply(sent, msg.data, msg.len, fake_addr(SERVER_IP, 67));
	hdr->chaddr[5] ^= 1;
	msg.data[sizeof(*hdr) + 1] = 100;
	fake_reply(sent, msg.data, msg.len, fake_addr(SERVER_IP, 67));
}

/* A lease message of type from "from", offering yiaddr. */
static void send_lease_from(const struct fake_sent *sent, uint32_t xid,
			    uint8_t type, uint32_t yiaddr, uint32_t from,
			    enum server_id id)
{
	struct message msg;
	struct dhcphdr *hdr = message_start(&msg, xid, yiaddr, from);
	uint8_t lease[4] = { 0, 0, 0x0e, 0x10 };

	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, type);
	if (id == ID_OWN)
		put_ip(&msg, DHCP_SERVER_ID, from);
	else if (id == ID_OTHER)
		put_ip(&msg, DHCP_SERVER_ID, from == OTHER_IP ? SERVER_IP : OTHER_IP);
	else if (id == ID_MALFORMED)
		dhcp_put_option(&msg.opts, DHCP_SERVER_ID, "\x0a\x00\x00", 3);
	put_ip(&msg, DHCP_NETMASK, 0xffffff00);
	put_ip(&msg, DHCP_ROUTERS, SERVER_IP);
	put_ip(&msg, DHCP_DNS_SERVERS, 0x0a000003);
	put_text(&msg, DHCP_DOMAIN_NAME, "example.test");
	put_text(&msg, DHCP_HOSTNAME, "client1");
	dhcp_put_option(&msg.opts, DHCP_LEASE_TIME, lease, 4);
	dhcp_put_option(&msg.opts, 209, "cfg", 3);
	if (world.pxe_lease)
		put_text(&msg, DHCP_VENDOR_CLASS_ID, "PXEClient");
	if (world.overload_ack && type == DHCPACK) {
		dhcp_put_byte(&msg.opts, DHCP_OVERLOAD, DHCP_OVERLOAD_FILE);
		hdr->file[0] = DHCP_BOOTFILE_NAME;
		hdr->file[1] = 9;
		memcpy(&hdr->file[2], "over.efi", 9);	/* with its NUL */
		hdr->file[11] = DHCP_END;
	} else if (world.with_filename) {
		strcpy(hdr->file, "lease.efi");
	}
	message_end(&msg);
	fake_reply(sent, msg.data, msg.len, fake_addr(from, 67));
}

static void send_lease(const struct fake_sent *sent, uint32_t xid,
		       uint8_t type)
{
	send_lease_from(sent, xid, type, lease_ip(sent), SERVER_IP,
			type == DHCPACK && world.ack_without_id ? ID_NONE
								: ID_OWN);
}

static void send_proxy(const struct fake_sent *sent, uint32_t xid,
		       uint8_t type, bool filename, uint32_t from,
		       uint16_t port)
{
	struct message msg;

	message_start(&msg, xid, 0, PROXY_IP);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, type);
	put_ip(&msg, DHCP_SERVER_ID, from);
	put_text(&msg, DHCP_VENDOR_CLASS_ID, "PXEClient");
	if (filename)
		put_text(&msg, DHCP_BOOTFILE_NAME, "proxy.efi");
	if (world.proxy_menu) {
		static const uint8_t menu[] = {
			6, 1, 0x03, 8, 7, 0x80, 0x01, 1, 10, 0, 0, 2,
			9, 7, 0x80, 0x01, 4, 'L', 'i', 'v', 'e', 255,
		};
		uint8_t vendor[sizeof(menu)];

		memcpy(vendor, menu, sizeof(menu));
		if (world.only_listed)
			vendor[2] |= 0x04;
		dhcp_put_option(&msg.opts, DHCP_VENDOR_OPTIONS, vendor,
				sizeof(vendor));
	}
	message_end(&msg);
	fake_reply(sent, msg.data, msg.len, fake_addr(from, port));
}

/* A boot server's ACK for item, from "from". */
static void send_boot_ack(const struct fake_sent *sent, uint32_t xid,
			  uint16_t item, uint32_t from, uint16_t port)
{
	uint8_t vendor[7] = { 71, 4, item >> 8, item & 0xff, 0, 0, 255 };
	struct message msg;

	message_start(&msg, xid, lease_ip(sent), from);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPACK);
	put_ip(&msg, DHCP_SERVER_ID, from);
	put_text(&msg, DHCP_VENDOR_CLASS_ID, "PXEClient");
	dhcp_put_option(&msg.opts, DHCP_VENDOR_OPTIONS, vendor, sizeof(vendor));
	put_text(&msg, DHCP_BOOTFILE_NAME, item == 0x8001 ? "live.efi" : "other.efi");
	message_end(&msg);
	fake_reply(sent, msg.data, msg.len, fake_addr(from, port));
}

/* A discovery request: it carries our address and our boot item. */
static void answer_discovery(const struct fake_sent *sent,
			     const struct dhcp_packet *pkt, uint32_t xid)
{
	uint8_t vendor[16];
	uint32_t dest = ntohl(sent->dest->sin_addr.s_addr);
	uint32_t from = dest == INADDR_BROADCAST ? PROXY_IP : dest;
	uint16_t port = ntohs(sent->dest->sin_port);

	world.bs_requests++;
	world.bs_dest = dest;
	world.bs_port = port;
	CHECK_INT(ntohl(pkt->hdr->ciaddr.s_addr), lease_ip(sent));
	CHECK_INT(pkt->hdr->flags, 0);
	if (!CHECK_INT(dhcp_option(pkt, DHCP_VENDOR_OPTIONS, vendor,
				   sizeof(vendor)), 7) ||
	    !CHECK(vendor[0] == 71 && vendor[1] == 4 && vendor[4] == 0 &&
		   vendor[5] == 0 && vendor[6] == 255))
		return;
	world.bs_item = (uint16_t)(vendor[2] << 8 | vendor[3]);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_ARCH, vendor, 2), 2);
	if (world.silent)
		return;
	if (world.bs_wrong_item)
		send_boot_ack(sent, xid, world.bs_item + 1, from, port);
	if (world.bs_unlisted)
		send_boot_ack(sent, xid, world.bs_item, OTHER_IP, port);
	send_boot_ack(sent, xid, world.bs_item, from, port);
}

static void answer_request(const struct fake_sent *sent,
			   const struct dhcp_packet *pkt, uint32_t xid)
{
	uint8_t requested[4], server[4];
	uint32_t want = htonl(lease_ip(sent));

	world.requests++;
	CHECK_INT(dhcp_option(pkt, DHCP_REQUESTED_ADDRESS, requested, 4), 4);
	CHECK(memcmp(requested, &want, 4) == 0);
	CHECK_INT(dhcp_option(pkt, DHCP_SERVER_ID, server, 4), 4);
	CHECK(memcmp(server, "\x0a\x00\x00\x01", 4) == 0);
	/* Answers from elsewhere come first; each would spoil the result if
	 * it were taken: another address, or a restart. */
	if (world.foreign_ack)
		send_lease_from(sent, xid, DHCPACK, lease_ip(sent) + 1,
				OTHER_IP, world.foreign_id);
	if (world.foreign_nak)
		send_lease_from(sent, xid, DHCPNAK, 0, OTHER_IP, ID_OWN);
	if (world.own_nak_other_id)
		send_lease_from(sent, xid, DHCPNAK, 0, SERVER_IP, ID_OTHER);
	if (world.late_offer)
		send_lease_from(sent, xid, DHCPOFFER, lease_ip(sent) + 2,
				OTHER_IP, ID_OWN);
	if (world.repeat_offer)
		send_lease_from(sent, xid, DHCPOFFER, lease_ip(sent) + 3,
				SERVER_IP, ID_OWN);
	if (world.own_ack_other_id)
		send_lease_from(sent, xid, DHCPACK, lease_ip(sent) + 1,
				SERVER_IP, ID_OTHER);
	if ((world.nak_first && world.requests == 1) || world.nak_always)
		send_lease(sent, xid, DHCPNAK);
	else
		send_lease(sent, xid, DHCPACK);
}

static void fake_server(const struct fake_sent *sent)
{
	struct dhcp_packet pkt;
	uint32_t xid;

	world.last_netdev = sent->netdev;
	world.last_local_port = ntohs(sent->sock->local.st_port);
	world.last_scope = sent->sock->local.st_scope_id;
	if (!CHECK_INT(dhcp_parse(sent->data, sent->len, &pkt), 0))
		return;
	CHECK(sent->len >= 300);
	CHECK(sent->netdev != NULL);
	xid = pkt.hdr->xid;
	reply_mac = pkt.hdr->chaddr;
	if (pkt.message_type == DHCPREQUEST && pkt.hdr->ciaddr.s_addr &&
	    dhcp_option(&pkt, DHCP_VENDOR_OPTIONS, NULL, 0) > 0) {
		answer_discovery(sent, &pkt, xid);
		return;
	}
	if (world.silent)
		return;
	if (pkt.message_type == DHCPDISCOVER) {
		world.discovers++;
		CHECK_INT(ntohl(sent->dest->sin_addr.s_addr), INADDR_BROADCAST);
		CHECK_INT(ntohs(sent->dest->sin_port), 67);
		memcpy(world.last_discover_data, sent->data, sent->len);
		dhcp_parse(world.last_discover_data, sent->len,
			   &world.last_discover);
		if (world.garbage)
			send_garbage(sent, xid);
		if (world.proxy)
			send_proxy(sent, xid, DHCPOFFER, world.proxy_filename,
				   PROXY_IP, 67);
		send_lease(sent, xid, DHCPOFFER);
	} else if (pkt.message_type == DHCPREQUEST &&
		   ntohs(sent->dest->sin_port) == PXE_PROXY_PORT) {
		uint32_t pxe_server = world.pxe_lease ? SERVER_IP : PROXY_IP;

		world.proxy_requests++;
		CHECK_INT(ntohl(sent->dest->sin_addr.s_addr), pxe_server);
		CHECK_INT(ntohl(pkt.hdr->ciaddr.s_addr), lease_ip(sent));
		if (world.proxy_answers_4011)
			send_proxy(sent, xid, DHCPACK, true, pxe_server,
				   PXE_PROXY_PORT);
	} else if (pkt.message_type == DHCPREQUEST) {
		CHECK_INT(ntohl(sent->dest->sin_addr.s_addr), INADDR_BROADCAST);
		answer_request(sent, &pkt, xid);
	}
}

static void reset_world(void)
{
	memset(&world, 0, sizeof(world));
	fake_flush_queue();
}

/* Reports the caller's line: the same names are checked in many places. */
#define check_setting(name, want) check_setting_at(name, want, __LINE__)

static void check_setting_at(const char *name, const char *want, int line)
{
	char text[256] = "";
	int len = wb_fetchf_setting(name, text, sizeof(text));
	char what[80];

	snprintf(what, sizeof(what), "setting %s (line %d)", name, line);
	if (want) {
		unit_check(len >= 0, what, __FILE__, line);
		unit_check_str(text, want, what, __FILE__, line);
	} else {
		unit_check_int(len, -ENOENT, what, __FILE__, line);
	}
}

static struct sink job;
static uint64_t started_us;

/* Runs DHCP on netdev to its end: the job's result. */
static int dhcp(struct net_device *netdev)
{
	int rc;

	sink_init(&job, 0);
	started_us = fake_now;
	rc = wb_start_dhcp(&job.intf, netdev);
	if (rc)
		return rc;
	return sink_wait(&job);
}

/* How long the last exchange took, by the fake clock. */
static uint64_t duration_us(void)
{
	return job.closed_us - started_us;
}

static void test_discover_options(void)
{
	const struct dhcp_packet *pkt = &world.last_discover;
	uint8_t buf[64];

	CHECK_INT(dhcp_option(pkt, DHCP_VENDOR_CLASS_ID, buf, sizeof(buf)), 32);
	CHECK(memcmp(buf, "PXEClient:Arch:00007:UNDI:003000", 32) == 0);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_ARCH, buf, sizeof(buf)), 2);
	CHECK(buf[0] == 0 && buf[1] == 7);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_NDI, buf, sizeof(buf)), 3);
	CHECK(buf[0] == 1 && buf[1] == 3 && buf[2] == 0);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_ID, buf, sizeof(buf)), 7);
	CHECK(buf[0] == 1 && memcmp(&buf[1], mac0, 6) == 0);
	CHECK_INT(dhcp_option(pkt, DHCP_MAX_MESSAGE_SIZE, buf, sizeof(buf)), 2);
	CHECK_INT(buf[0] << 8 | buf[1], 1472);
	CHECK(dhcp_option(pkt, DHCP_PARAMETER_REQUEST_LIST, buf, sizeof(buf)) >= 10);
	CHECK(memchr(buf, DHCP_BOOTFILE_NAME, 10) != NULL);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_UUID, buf, sizeof(buf)), 17);
	CHECK_INT(buf[0], 0);
	/* Without a "uuid" setting: made from the MAC. */
	CHECK(memcmp(&buf[11], mac0, 6) == 0);
	CHECK(pkt->hdr->flags == htons(BOOTP_FLAG_BROADCAST));
	CHECK(memcmp(pkt->hdr->chaddr, mac0, 6) == 0);
}

static void check_ipv4(struct net_device *netdev, uint32_t ip, uint32_t mask,
		       uint32_t gw)
{
	struct in_addr address, netmask, gateway;

	wb_ipv4_config(netdev, &address, &netmask, &gateway);
	CHECK_INT(ntohl(wb_ipv4_address(netdev).s_addr), ip);
	CHECK_INT(ntohl(address.s_addr), ip);
	CHECK_INT(ntohl(netmask.s_addr), mask);
	CHECK_INT(ntohl(gateway.s_addr), gw);
}

/* The lease's messages as received stay with the device (for a PXE base
 * code): the ACK, and the ProxyDHCP answer when there was one. */
static void check_kept_messages(bool proxy)
{
	struct dhcp_packet pkt;
	const void *data;
	size_t len = 0;

	data = wb_dhcp_last_message(net0, false, &len);
	CHECK(data && dhcp_parse(data, len, &pkt) == 0 &&
	      pkt.message_type == DHCPACK &&
	      ntohl(pkt.hdr->yiaddr.s_addr) == CLIENT_IP);
	data = wb_dhcp_last_message(net0, true, &len);
	if (proxy)
		CHECK(data && dhcp_parse(data, len, &pkt) == 0 &&
		      dhcp_option(&pkt, DHCP_VENDOR_CLASS_ID, NULL, 0) == 9);
	else
		CHECK(!data);
}

static void test_plain_server(void)
{
	unsigned flushes = arp_flushes;

	reset_world();
	world.with_filename = true;
	CHECK_INT(dhcp(net0), 0);
	/* A boot file in the offer: no wait for ProxyDHCP at all. */
	CHECK(duration_us() < 50000);
	CHECK_INT(world.discovers, 1);
	CHECK_INT(world.requests, 1);
	/* Port 68 on this device only, sent out by this device. */
	CHECK(world.last_netdev == net0);
	CHECK_INT(world.last_local_port, 68);
	CHECK_INT(world.last_scope, net0->index + 1);
	test_discover_options();
	check_setting("net0.dhcp/ip", "10.0.0.5");
	check_setting("net0/ip", "10.0.0.5");
	check_setting("net0.dhcp/netmask", "255.255.255.0");
	check_setting("net0.dhcp/gateway", "10.0.0.1");
	check_setting("net0.dhcp/dns", "10.0.0.3");
	check_setting("net0.dhcp/domain", "example.test");
	check_setting("net0.dhcp/hostname", "client1");
	check_setting("net0.dhcp/filename", "lease.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.1");
	check_setting("net0.dhcp/dhcp-server", "10.0.0.1");
	check_setting("net0.dhcp/lease-time", "3600");
	check_setting("net0.dhcp/209:string", "cfg");
	/* The applicator configured the device from the block. */
	check_ipv4(net0, CLIENT_IP, 0xffffff00, SERVER_IP);
	CHECK(arp_flushes > flushes);
	/* The exchange is over, its socket gone with it. */
	CHECK_INT(fake_open_sockets(), 0);
	check_kept_messages(false);

	/* Again: the block is replaced, not duplicated. */
	world.with_filename = false;
	world.proxy = true;
	world.proxy_filename = true;
	CHECK_INT(dhcp(net0), 0);
	check_kept_messages(true);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");
	check_ipv4(net0, CLIENT_IP, 0xffffff00, SERVER_IP);
}

static void test_no_proxy_wait(void)
{
	reset_world();
	CHECK_INT(dhcp(net0), 0);
	/* No boot file and no ProxyDHCP: we waited about a second. */
	CHECK(duration_us() >= 1000000);
	CHECK(duration_us() < 1100000);
	CHECK_INT(world.proxy_requests, 0);
	check_setting("net0.dhcp/filename", NULL);
	check_setting("net0.dhcp/next-server", "10.0.0.1");
}

static void test_proxy_with_filename(void)
{
	reset_world();
	world.proxy = true;
	world.proxy_filename = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK(duration_us() < 50000);
	CHECK_INT(world.proxy_requests, 0);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");
	check_setting("net0.dhcp/ip", "10.0.0.5");
	/* The ProxyDHCP answer itself, as the established language has it. */
	check_setting("proxydhcp/filename", "proxy.efi");
	check_setting("proxydhcp/next-server", "10.0.0.2");
	check_setting("proxydhcp/ip", NULL);
}

static void test_proxy_port_4011(void)
{
	reset_world();
	world.proxy = true;
	world.proxy_answers_4011 = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(world.proxy_requests, 1);
	CHECK(duration_us() < 50000);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");
	check_setting("proxydhcp/filename", "proxy.efi");

	/* A ProxyDHCP server that does not answer on 4011 costs 3.5 s and
	 * leaves the lease usable. */
	reset_world();
	world.proxy = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(world.proxy_requests, 3);
	CHECK(duration_us() >= 3500000);
	CHECK(duration_us() < 4000000);
	check_setting("net0.dhcp/filename", NULL);
	check_setting("net0.dhcp/ip", "10.0.0.5");
	check_ipv4(net0, CLIENT_IP, 0xffffff00, SERVER_IP);

	/* A DHCP server that is also the PXE server: asked on 4011 at once,
	 * with no wait for other offers. */
	reset_world();
	world.pxe_lease = true;
	world.proxy_answers_4011 = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(world.proxy_requests, 1);
	CHECK(duration_us() < 50000);
	check_setting("net0.dhcp/filename", "proxy.efi");
}

static void test_nak_and_garbage(void)
{
	reset_world();
	world.with_filename = true;
	world.nak_first = true;
	world.garbage = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(world.discovers, 2);
	CHECK_INT(world.requests, 2);
	check_setting("net0.dhcp/ip", "10.0.0.5");

	/* A server that refuses everything: a clear error, soon. */
	reset_world();
	world.with_filename = true;
	world.nak_always = true;
	CHECK_INT(err_base(dhcp(net0)), -ECONNREFUSED);
	CHECK_INT(world.requests, 5);
	CHECK_INT(world.discovers, 5);
	CHECK(duration_us() < 1000000);
	CHECK_INT(fake_open_sockets(), 0);

	reset_world();
	world.overload_ack = true;
	CHECK_INT(dhcp(net0), 0);
	check_setting("net0.dhcp/filename", "over.efi");
}

/* Answers to our REQUEST count only from the server we asked: by its
 * identifier, or by the sender's address where that is missing or
 * malformed. Each foreign answer here arrives before the real one and
 * offers another address (or restarts us), so taking it shows. */
static void test_foreign_answers(void)
{
	static const enum server_id ids[] = { ID_NONE, ID_MALFORMED, ID_OWN };
	unsigned i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		reset_world();
		world.with_filename = true;
		world.foreign_ack = true;
		world.foreign_id = ids[i];
		CHECK_INT(dhcp(net0), 0);
		check_setting("net0.dhcp/ip", "10.0.0.5");
		check_setting("net0.dhcp/dhcp-server", "10.0.0.1");
		check_ipv4(net0, CLIENT_IP, 0xffffff00, SERVER_IP);
		CHECK_INT(world.requests, 1);
	}

	/* An ACK from our server's address that names another server. */
	reset_world();
	world.with_filename = true;
	world.own_ack_other_id = true;
	CHECK_INT(dhcp(net0), 0);
	check_setting("net0.dhcp/ip", "10.0.0.5");

	/* Once we have asked, offers change nothing, ours or others'. */
	reset_world();
	world.with_filename = true;
	world.late_offer = true;
	world.repeat_offer = true;
	CHECK_INT(dhcp(net0), 0);
	check_setting("net0.dhcp/ip", "10.0.0.5");
	CHECK_INT(world.requests, 1);

	/* NAKs from elsewhere do not restart us. */
	reset_world();
	world.with_filename = true;
	world.foreign_nak = true;
	world.own_nak_other_id = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(world.discovers, 1);
	CHECK_INT(world.requests, 1);

	/* Our own server's ACK without option 54 is accepted by its address. */
	reset_world();
	world.with_filename = true;
	world.ack_without_id = true;
	CHECK_INT(dhcp(net0), 0);
	check_setting("net0.dhcp/ip", "10.0.0.5");
	check_setting("net0.dhcp/dhcp-server", NULL);
}

static void test_timeout(void)
{
	unsigned sent;

	reset_world();
	world.silent = true;
	sent = fake_sent_count;
	CHECK_INT(err_base(dhcp(net0)), -ETIMEDOUT);
	/* 1 + 2 + 4 + 8 + 16 s, five DISCOVERs. */
	CHECK(duration_us() >= 30000000);
	CHECK(duration_us() < 32000000);
	CHECK_INT(fake_sent_count - sent, 5);
	CHECK_INT(fake_open_sockets(), 0);
}

/* The transaction id is a draw from the random source (an off-link
 * attacker must not guess it); with no entropy at all DHCP still runs,
 * with an id from the clock. */
static void test_random_xid(void)
{
	uint32_t saved = fake_random_state, expected;

	CHECK_INT(random_bytes(&expected, sizeof(expected)), 0);
	fake_random_state = saved;
	reset_world();
	world.with_filename = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK(world.last_discover.hdr->xid == expected);

	reset_world();
	world.with_filename = true;
	fake_random_fail = -ENODEV;
	CHECK_INT(dhcp(net0), 0);
	fake_random_fail = 0;
	CHECK(world.last_discover.hdr->xid != expected);
}

/* Closing the job ends the exchange at once, in any state. */
static void test_cancel(void)
{
	struct job_progress progress;
	struct fake_socket *sock;
	unsigned sent;

	reset_world();
	world.silent = true;
	sink_init(&job, 0);
	CHECK_INT(wb_start_dhcp(&job.intf, net0), 0);
	sock = fake_last_socket;
	ref_get(&sock->refcnt);
	fake_run(1500000);
	wb_job_progress(&job.intf, &progress);
	CHECK_STR(progress.message, "discover 2");
	sent = fake_sent_count;
	sink_cancel(&job, -ECANCELED);
	CHECK(!sock->open);
	CHECK_INT(sock->close_rc, -ECANCELED);
	ref_put(&sock->refcnt);
	fake_run(40000000);
	CHECK_INT(fake_sent_count, sent);
	CHECK_INT(fake_open_sockets(), 0);

	/* While asking the ProxyDHCP server on port 4011 (for an address
	 * no test before was offered). */
	reset_world();
	world.proxy = true;
	world.ip_offset = 100;
	sink_init(&job, 0);
	CHECK_INT(wb_start_dhcp(&job.intf, net0), 0);
	while (!world.proxy_requests)
		fake_pass();
	wb_job_progress(&job.intf, &progress);
	CHECK_STR(progress.message, "ProxyDHCP 3");
	sent = fake_sent_count;
	sink_cancel(&job, -ECANCELED);
	fake_run(10000000);
	CHECK_INT(fake_sent_count, sent);
	CHECK_INT(fake_open_sockets(), 0);
	/* The lease was in force before the question (it is asked from the
	 * new address) and stays. */
	check_setting("net0.dhcp/ip", "10.0.0.105");
	check_ipv4(net0, CLIENT_IP + 100, 0xffffff00, SERVER_IP);
}

static void test_start_failures(void)
{
	void wb_netdev_close(struct net_device *netdev);

	/* A device that does not open. */
	reset_world();
	wb_netdev_close(net0);
	fake_nic_open_rc = -EIO;
	CHECK_INT(dhcp(net0), -EIO);
	fake_nic_open_rc = 0;
	fake_open_error = -EADDRINUSE;
	CHECK_INT(dhcp(net0), -EADDRINUSE);
	fake_open_error = 0;
	CHECK(!job.closed);
	CHECK_INT(world.discovers, 0);
}

/* Exchanges on two devices side by side, each on its own port 68. */
static void test_two_devices(void)
{
	static struct sink job1;

	reset_world();
	world.with_filename = true;
	sink_init(&job, 0);
	sink_init(&job1, 0);
	CHECK_INT(wb_start_dhcp(&job.intf, net0), 0);
	CHECK_INT(wb_start_dhcp(&job1.intf, net1), 0);
	CHECK_INT(fake_open_sockets(), 2);
	CHECK_INT(sink_wait(&job), 0);
	CHECK_INT(sink_wait(&job1), 0);
	CHECK_INT(world.discovers, 2);
	check_setting("net0.dhcp/ip", "10.0.0.5");
	check_setting("net1.dhcp/ip", "10.0.0.21");
	check_ipv4(net0, CLIENT_IP, 0xffffff00, SERVER_IP);
	check_ipv4(net1, CLIENT_IP + 16, 0xffffff00, SERVER_IP);
}

static void test_uuid_setting(void)
{
	static const uint8_t uuid[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					  12, 13, 14, 15, 16 };
	uint8_t buf[17];

	reset_world();
	world.with_filename = true;
	CHECK_INT(wb_store_setting(&wb_global_settings, "uuid", SETTING_UUID,
				   uuid, 16), 0);
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(dhcp_option(&world.last_discover, DHCP_CLIENT_UUID, buf, 17), 17);
	CHECK(memcmp(&buf[1], uuid, 16) == 0);
	wb_store_setting(&wb_global_settings, "uuid", SETTING_UUID, NULL, 0);
}

/* ---- boot server discovery ---------------------------------------------- */

static int pxebs(struct net_device *netdev, uint16_t type)
{
	int rc;

	sink_init(&job, 0);
	started_us = fake_now;
	rc = wb_start_pxebs(&job.intf, netdev, type);
	if (rc)
		return rc;
	return sink_wait(&job);
}

static void test_pxebs_menu(void)
{
	reset_world();
	world.proxy = true;
	world.proxy_menu = true;
	CHECK_INT(dhcp(net0), 0);
	/* A menu: no question on port 4011, no wait for its answer. */
	CHECK_INT(world.proxy_requests, 0);
	CHECK(duration_us() < 50000);
	check_setting("proxydhcp/43", "06:01:03:08:07:80:01:01:0a:00:00:02:"
		      "09:07:80:01:04:4c:69:76:65:ff");

	CHECK_INT(pxebs(net0, 0x8001), 0);
	CHECK_INT(world.bs_requests, 1);
	CHECK_INT(world.bs_dest, PROXY_IP);	/* the listed server only */
	CHECK_INT(world.bs_port, PXE_PROXY_PORT);
	CHECK_INT(world.bs_item, 0x8001);
	CHECK_INT(world.last_local_port, 68);
	check_setting("pxebs/filename", "live.efi");
	check_setting("pxebs/next-server", "10.0.0.2");
	check_setting("pxebs/43", "47:04:80:01:00:00:ff");

	/* Another item's answer is not ours; with "only listed servers",
	 * neither is one from elsewhere. The right one still wins. */
	world.bs_wrong_item = true;
	world.bs_unlisted = true;
	world.only_listed = true;
	world.bs_requests = 0;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(pxebs(net0, 0x8001), 0);
	CHECK_INT(world.bs_requests, 1);
	check_setting("pxebs/filename", "live.efi");
	check_setting("pxebs/next-server", "10.0.0.2");
	/* Without that bit, any server of our item may answer: the first. */
	world.only_listed = false;
	world.bs_wrong_item = false;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(pxebs(net0, 0x8001), 0);
	check_setting("pxebs/next-server", "10.0.0.9");
}

static void test_pxebs_broadcast_and_failures(void)
{
	/* A lease with no option 43: broadcast to port 67. */
	reset_world();
	world.with_filename = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_INT(pxebs(net0, 7), 0);
	CHECK_INT(world.bs_dest, INADDR_BROADCAST);
	CHECK_INT(world.bs_port, 67);
	CHECK_INT(world.bs_item, 7);
	check_setting("pxebs/filename", "other.efi");

	/* Silence: 1, 2 and 4 s, then a timeout that names the type; the
	 * last answer stays. */
	world.silent = true;
	world.bs_requests = 0;
	CHECK_ERR(pxebs(net0, 7), -ETIMEDOUT);
	CHECK_INT(world.bs_requests, 3);
	CHECK(duration_us() >= 7000000 && duration_us() < 7500000);
	CHECK_STR(job.reason, "no boot server of type 7 answered");
	check_setting("pxebs/filename", "other.efi");

	/* Broadcast off and no server listed for the type: nobody to ask. */
	reset_world();
	world.proxy = true;
	world.proxy_menu = true;
	CHECK_INT(dhcp(net0), 0);
	CHECK_ERR(pxebs(net0, 0x8000), -ENOENT);
	CHECK_INT(world.bs_requests, 0);
	CHECK_STR(job.reason, "no boot server of type 32768 is listed "
		  "(and broadcast is off)");
	fake_flush_queue();
}

int main(void)
{
	test_parse_basic();
	test_parse_malformed();
	test_parse_overload();
	test_builder();

	net0 = fake_nic_register(mac0);
	net1 = fake_nic_register(mac1);
	if (!CHECK(net0 && net1))
		return unit_finish();
	test_plain_server();
	test_no_proxy_wait();
	test_proxy_with_filename();
	test_proxy_port_4011();
	test_nak_and_garbage();
	test_foreign_answers();
	test_timeout();
	test_cancel();
	test_random_xid();
	test_start_failures();
	test_two_devices();
	test_uuid_setting();
	test_pxebs_menu();
	test_pxebs_broadcast_and_failures();
	/* Nothing went below IPv4, and the devices' block goes with them. */
	CHECK_INT(lower_layer_calls, 0);
	CHECK_INT(fake_nic_transmits, 0);
	wb_unregister_netdev(net1);
	check_setting("net1.dhcp/ip", NULL);
	wb_unregister_netdev(net0);
	fake_flush_queue();
	return unit_finish();
}
