// FIRMWARE_SOURCES: src/net/dhcp.c src/net/dhcp_packet.c src/net/inet.c src/core/settings.c src/core/setting_types.c src/core/retry.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * DHCP: the message parser on good and malformed input (truncation, option
 * lengths, overload and its loops, pads, missing end), and the client
 * against simulated servers: plain DHCP, ProxyDHCP with and without a boot
 * file, the port 4011 question, NAK, silence, and garbage in between.
 */

#include <errno.h>
#include <stdio.h>
#include <wireboot/build_info.h>
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

#include "fake_udp.h"
#include "unit.h"

int wb_dhcp_configure(struct net_device *netdev);
extern uint64_t wb_dhcp_last_duration_us;
extern struct settings wb_global_settings;
void wb_settings_init(struct settings *block, const char *name);
void wb_register_settings(struct settings *block, struct settings *parent);
int wb_store_setting(struct settings *block, const char *name,
		     enum setting_type type, const void *data, size_t len);
int wb_fetchf_setting(const char *name, char *buf, size_t len);

const struct build_info build_info = { .version = "test" };

/* ---- fakes of the device and IPv4 layers ------------------------------- */

static struct net_device test_netdev = {
	.name = "net0",
	.ll_addr = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
	.mtu = 1500,
};
static struct in_addr configured_ip, configured_mask, configured_gw;

int netdev_open(struct net_device *netdev)
{
	netdev->is_open = true;
	return 0;
}
WB_ALIAS(netdev_open);

const char *eth_ntoa(const uint8_t *ll, char *buf)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", ll[0], ll[1], ll[2],
		 ll[3], ll[4], ll[5]);
	return buf;
}
WB_ALIAS(eth_ntoa);

int ipv4_configure(struct net_device *netdev, struct in_addr address,
		   struct in_addr netmask, struct in_addr gateway)
{
	(void)netdev;
	configured_ip = address;
	configured_mask = netmask;
	configured_gw = gateway;
	return 0;
}
WB_ALIAS(ipv4_configure);

/* ---- building messages ---------------------------------------------------- */

#define SERVER_IP 0x0a000001	/* 10.0.0.1 */
#define PROXY_IP 0x0a000002	/* 10.0.0.2 */
#define CLIENT_IP 0x0a000005	/* 10.0.0.5 */

struct message {
	uint8_t data[1500];
	size_t len;
	struct dhcp_builder opts;
};

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
	memcpy(hdr->chaddr, test_netdev.ll_addr, 6);
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
	unsigned discovers, requests, proxy_requests;
	struct dhcp_packet last_discover;
	uint8_t last_discover_data[1500];
	struct sockaddr_in last_dest;
	uint16_t last_flags;
} world;

static void send_garbage(struct udp_conn *conn, uint32_t xid)
{
	struct message msg;
	struct dhcphdr *hdr;

	/* Truncated, other xid, other MAC, bad option length. */
	message_start(&msg, xid, CLIENT_IP + 1, 0);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, DHCPOFFER);
	message_end(&msg);
	fake_reply(conn, msg.data, 100, fake_addr(SERVER_IP, 67));
	hdr = (struct dhcphdr *)msg.data;
	hdr->xid = xid + 1;
	fake_reply(conn, msg.data, msg.len, fake_addr(SERVER_IP, 67));
	hdr->xid = xid;
	hdr->chaddr[5] ^= 1;
	fake_reply(conn, msg.data, msg.len, fake_addr(SERVER_IP, 67));
	hdr->chaddr[5] ^= 1;
	msg.data[sizeof(*hdr) + 1] = 100;
	fake_reply(conn, msg.data, msg.len, fake_addr(SERVER_IP, 67));
}

static void send_lease(struct udp_conn *conn, uint32_t xid, uint8_t type)
{
	struct message msg;
	struct dhcphdr *hdr = message_start(&msg, xid, CLIENT_IP, SERVER_IP);
	uint8_t lease[4] = { 0, 0, 0x0e, 0x10 };

	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, type);
	put_ip(&msg, DHCP_SERVER_ID, SERVER_IP);
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
	fake_reply(conn, msg.data, msg.len, fake_addr(SERVER_IP, 67));
}

static void send_proxy(struct udp_conn *conn, uint32_t xid, uint8_t type,
		       bool filename, uint32_t from, uint16_t port)
{
	struct message msg;

	message_start(&msg, xid, 0, PROXY_IP);
	dhcp_put_byte(&msg.opts, DHCP_MESSAGE_TYPE, type);
	put_ip(&msg, DHCP_SERVER_ID, from);
	put_text(&msg, DHCP_VENDOR_CLASS_ID, "PXEClient");
	if (filename)
		put_text(&msg, DHCP_BOOTFILE_NAME, "proxy.efi");
	message_end(&msg);
	fake_reply(conn, msg.data, msg.len, fake_addr(from, port));
}

static void fake_server(struct udp_conn *conn, const uint8_t *data, size_t len,
			const struct sockaddr_in *dest)
{
	struct dhcp_packet pkt;
	uint32_t xid;

	world.last_dest = *dest;
	if (!CHECK_INT(dhcp_parse(data, len, &pkt), 0))
		return;
	CHECK(len >= 300);
	xid = pkt.hdr->xid;
	world.last_flags = ntohs(pkt.hdr->flags);
	if (world.silent)
		return;
	if (pkt.message_type == DHCPDISCOVER) {
		world.discovers++;
		memcpy(world.last_discover_data, data, len);
		dhcp_parse(world.last_discover_data, len, &world.last_discover);
		if (world.garbage)
			send_garbage(conn, xid);
		if (world.proxy)
			send_proxy(conn, xid, DHCPOFFER, world.proxy_filename,
				   PROXY_IP, 67);
		send_lease(conn, xid, DHCPOFFER);
	} else if (pkt.message_type == DHCPREQUEST &&
		   ntohs(dest->sin_port) == PXE_PROXY_PORT) {
		uint32_t pxe_server = world.pxe_lease ? SERVER_IP : PROXY_IP;

		world.proxy_requests++;
		CHECK_INT(ntohl(dest->sin_addr.s_addr), pxe_server);
		CHECK_INT(ntohl(pkt.hdr->ciaddr.s_addr), CLIENT_IP);
		if (world.proxy_answers_4011)
			send_proxy(conn, xid, DHCPACK, true, pxe_server,
				   PXE_PROXY_PORT);
	} else if (pkt.message_type == DHCPREQUEST) {
		uint8_t requested[4], server[4];

		world.requests++;
		CHECK_INT(dhcp_option(&pkt, DHCP_REQUESTED_ADDRESS, requested, 4), 4);
		CHECK_INT(dhcp_option(&pkt, DHCP_SERVER_ID, server, 4), 4);
		CHECK(memcmp(server, "\x0a\x00\x00\x01", 4) == 0);
		if ((world.nak_first && world.requests == 1) || world.nak_always)
			send_lease(conn, xid, DHCPNAK);
		else
			send_lease(conn, xid, DHCPACK);
	}
}

static void reset_world(void)
{
	memset(&world, 0, sizeof(world));
	fake_flush_queue();
	configured_ip.s_addr = 0;
	wb_dhcp_last_duration_us = 0;
}

static void check_setting(const char *name, const char *want)
{
	char text[256] = "";

	if (want) {
		CHECK(wb_fetchf_setting(name, text, sizeof(text)) >= 0);
		CHECK_STR(text, want);
	} else {
		CHECK_INT(wb_fetchf_setting(name, text, sizeof(text)), -ENOENT);
	}
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
	CHECK(buf[0] == 1 && memcmp(&buf[1], test_netdev.ll_addr, 6) == 0);
	CHECK_INT(dhcp_option(pkt, DHCP_MAX_MESSAGE_SIZE, buf, sizeof(buf)), 2);
	CHECK_INT(buf[0] << 8 | buf[1], 1472);
	CHECK(dhcp_option(pkt, DHCP_PARAMETER_REQUEST_LIST, buf, sizeof(buf)) >= 10);
	CHECK(memchr(buf, DHCP_BOOTFILE_NAME, 10) != NULL);
	CHECK_INT(dhcp_option(pkt, DHCP_CLIENT_UUID, buf, sizeof(buf)), 17);
	CHECK_INT(buf[0], 0);
	/* Without a "uuid" setting: made from the MAC. */
	CHECK(memcmp(&buf[11], test_netdev.ll_addr, 6) == 0);
	CHECK(pkt->hdr->flags == htons(BOOTP_FLAG_BROADCAST));
	CHECK(memcmp(pkt->hdr->chaddr, test_netdev.ll_addr, 6) == 0);
}

static void test_plain_server(void)
{
	uint64_t start;

	reset_world();
	world.with_filename = true;
	start = fake_now;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	/* A boot file in the offer: no wait for ProxyDHCP at all. */
	CHECK(fake_now - start < 50000);
	CHECK(wb_dhcp_last_duration_us < 50000);
	CHECK_INT(world.discovers, 1);
	CHECK_INT(world.requests, 1);
	CHECK_INT(ntohl(configured_ip.s_addr), CLIENT_IP);
	CHECK_INT(ntohl(configured_mask.s_addr), 0xffffff00);
	CHECK_INT(ntohl(configured_gw.s_addr), SERVER_IP);
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

	/* Again: the block is replaced, not duplicated. */
	world.with_filename = false;
	world.proxy = true;
	world.proxy_filename = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");
}

static void test_no_proxy_wait(void)
{
	reset_world();
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	/* No boot file and no ProxyDHCP: we waited about a second. */
	CHECK(wb_dhcp_last_duration_us >= 1000000);
	CHECK(wb_dhcp_last_duration_us < 1100000);
	CHECK_INT(world.proxy_requests, 0);
	check_setting("net0.dhcp/filename", NULL);
	check_setting("net0.dhcp/next-server", "10.0.0.1");
}

static void test_proxy_with_filename(void)
{
	reset_world();
	world.proxy = true;
	world.proxy_filename = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK(wb_dhcp_last_duration_us < 50000);
	CHECK_INT(world.proxy_requests, 0);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");
	check_setting("net0.dhcp/ip", "10.0.0.5");
}

static void test_proxy_port_4011(void)
{
	reset_world();
	world.proxy = true;
	world.proxy_answers_4011 = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK_INT(world.proxy_requests, 1);
	CHECK(wb_dhcp_last_duration_us < 50000);
	check_setting("net0.dhcp/filename", "proxy.efi");
	check_setting("net0.dhcp/next-server", "10.0.0.2");

	/* A ProxyDHCP server that does not answer on 4011 costs 3.5 s and
	 * leaves the lease usable. */
	reset_world();
	world.proxy = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK_INT(world.proxy_requests, 3);
	CHECK(wb_dhcp_last_duration_us >= 3500000);
	CHECK(wb_dhcp_last_duration_us < 4000000);
	check_setting("net0.dhcp/filename", NULL);
	check_setting("net0.dhcp/ip", "10.0.0.5");

	/* A DHCP server that is also the PXE server: asked on 4011 at once,
	 * with no wait for other offers. */
	reset_world();
	world.pxe_lease = true;
	world.proxy_answers_4011 = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK_INT(world.proxy_requests, 1);
	CHECK(wb_dhcp_last_duration_us < 50000);
	check_setting("net0.dhcp/filename", "proxy.efi");
}

static void test_nak_and_garbage(void)
{
	reset_world();
	world.with_filename = true;
	world.nak_first = true;
	world.garbage = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK_INT(world.discovers, 2);
	CHECK_INT(world.requests, 2);
	check_setting("net0.dhcp/ip", "10.0.0.5");

	/* A server that refuses everything: a clear error, soon. */
	reset_world();
	world.with_filename = true;
	world.nak_always = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), -ECONNREFUSED);
	CHECK_INT(world.requests, 5);

	reset_world();
	world.overload_ack = true;
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	check_setting("net0.dhcp/filename", "over.efi");
}

static void test_timeout(void)
{
	uint64_t start;
	unsigned sent;

	reset_world();
	world.silent = true;
	start = fake_now;
	sent = fake_sent_count;
	CHECK_INT(wb_dhcp_configure(&test_netdev), -ETIMEDOUT);
	/* 1 + 2 + 4 + 8 + 16 s, five DISCOVERs. */
	CHECK(fake_now - start >= 30000000);
	CHECK(fake_now - start < 32000000);
	CHECK_INT(fake_sent_count - sent, 5);
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
	CHECK_INT(wb_dhcp_configure(&test_netdev), 0);
	CHECK_INT(dhcp_option(&world.last_discover, DHCP_CLIENT_UUID, buf, 17), 17);
	CHECK(memcmp(&buf[1], uuid, 16) == 0);
	wb_store_setting(&wb_global_settings, "uuid", SETTING_UUID, NULL, 0);
}

int main(void)
{
	wb_settings_init(&test_netdev.settings, "net0");
	wb_register_settings(&test_netdev.settings, NULL);

	test_parse_basic();
	test_parse_malformed();
	test_parse_overload();
	test_builder();
	test_plain_server();
	test_no_proxy_wait();
	test_proxy_with_filename();
	test_proxy_port_4011();
	test_nak_and_garbage();
	test_timeout();
	test_uuid_setting();
	return unit_finish();
}
