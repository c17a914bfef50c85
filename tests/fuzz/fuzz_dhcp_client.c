/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/dhcp.c src/net/pxebs.c src/net/dhcp_client.c src/net/pxe_options.c src/core/random_id.c src/net/dhcp_packet.c src/net/inet.c src/net/socket.c src/core/netdev.c src/core/settings.c src/core/setting_types.c src/core/inet6.c src/core/retry.c src/core/process.c src/core/interface.c src/core/xfer.c src/core/iobuf.c src/core/string.c src/core/vsprintf.c src/core/errors.c
/*
 * The DHCP client's state machine on sequences of datagrams (see
 * fuzz_sequence.h): a DHCP client on one device receives whatever the input
 * holds, from the server, the ProxyDHCP server (ports 67 and 4011) or a
 * stranger, with time passing in between. Control bit 0 writes the
 * transaction id of the client's last message into the datagram, bit 1
 * its MAC address, so that inputs reach past the first checks; bits 2-3
 * pick the sender.
 *
 * Once bound, boot server discovery (type 0x8001) starts and takes the
 * datagrams that are left, so its answers are fuzzed after a lease made
 * by the same input (the PXE options it follows included).
 *
 * What must hold: every message the client sends parses; an exchange that
 * reports success has stored in net0.dhcp an address that an ACK in the
 * input offered (never one only offered, never one made up); a discovery
 * that succeeds has stored an ACK as "pxebs"; and whatever happened, both
 * end (or are cancelled) without leaving a socket.
 */

#include "fuzz_sequence.h"
#include "fake_blank_nic.h"

#include <wireboot/build_info.h>
#include <wireboot/settings.h>
#include <net/dhcp_packet.h>

int wb_start_dhcp(struct interface *job, struct net_device *netdev);
int wb_start_pxebs(struct interface *job, struct net_device *netdev,
		   uint16_t type);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_dhcp_parse(const void *data, size_t len, struct dhcp_packet *pkt);

const struct build_info build_info = { .version = "fuzz" };

static const uint8_t fuzz_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

static uint8_t last_xid[4];

static void fake_server(const struct fake_sent *sent)
{
	struct dhcp_packet pkt;

	if (wb_dhcp_parse(sent->data, sent->len, &pkt) != 0 || sent->len < 300)
		__builtin_trap();
	memcpy(last_xid, sent->data + 4, 4);
}

static struct net_device *netdev;

/* The addresses ACKs in this input offered: a lease comes from one. */
#define MAX_ACKED 64
static uint8_t acked[MAX_ACKED][4];
static unsigned acked_count;

static void note_ack(const uint8_t *data, size_t len)
{
	struct dhcp_packet pkt;

	if (wb_dhcp_parse(data, len, &pkt) == 0 && pkt.message_type == DHCPACK &&
	    acked_count < MAX_ACKED)
		memcpy(acked[acked_count++], &pkt.hdr->yiaddr, 4);
}

static bool was_acked(const char *text)
{
	char addr[16];
	unsigned i;

	for (i = 0; i < acked_count; i++) {
		snprintf(addr, sizeof(addr), "%u.%u.%u.%u", acked[i][0],
			 acked[i][1], acked[i][2], acked[i][3]);
		if (strcmp(addr, text) == 0)
			return true;
	}
	return false;
}

static struct sink job, discovery;
static bool discovering;

/* Discovery follows a lease, as a script's "pxebs" follows "dhcp". */
static void start_discovery(void)
{
	if (discovering || !job.closed || job.rc != 0)
		return;
	discovering = true;
	if (wb_start_pxebs(&discovery.intf, netdev, 0x8001) != 0)
		__builtin_trap();
}

static void queue_datagram(const struct fuzz_record *record)
{
	static const uint32_t senders[4] = {
		0x0a000001, 0x0a000002, 0x0a000002, 0x0a000009,
	};
	static const uint16_t ports[4] = { 67, 67, 4011, 67 };
	unsigned who = (record->control >> 2) & 3;
	uint8_t *copy = malloc(record->len ? record->len : 1);

	start_discovery();
	memcpy(copy, record->data, record->len);
	if ((record->control & 1) && record->len >= 8)
		memcpy(copy + 4, last_xid, 4);
	if ((record->control & 2) && record->len >= 34)
		memcpy(copy + 28, fuzz_mac, 6);
	note_ack(copy, record->len);
	fake_reply_port(68, netdev, copy, record->len,
			fake_addr(senders[who], ports[who]));
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64];

	if (!netdev && !(netdev = fake_nic_register(fuzz_mac)))
		__builtin_trap();
	fuzz_reset();
	acked_count = 0;
	sink_init(&job, 0);
	sink_init(&discovery, 0);
	discovering = false;
	if (wb_start_dhcp(&job.intf, netdev) != 0)
		__builtin_trap();
	fuzz_feed_records(data, size, queue_datagram);
	if (job.closed && job.rc == 0 &&
	    (wb_fetchf_setting("net0.dhcp/ip", text, sizeof(text)) <= 0 ||
	     !was_acked(text)))
		__builtin_trap();
	if (discovery.closed && discovery.rc == 0 &&
	    (wb_fetchf_setting("pxebs/53", text, sizeof(text)) <= 0 ||
	     strcmp(text, "05") != 0))
		__builtin_trap();
	/* Nothing below DHCP is linked: no frame may reach the device. */
	if (fake_nic_transmits)
		__builtin_trap();
	/* Discovery first: fuzz_finish() then wants every socket gone. */
	if (!discovery.closed)
		sink_cancel(&discovery, -ECANCELED);
	fuzz_finish(&job);
	sink_release(&discovery);
	return 0;
}
