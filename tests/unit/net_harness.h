/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_NET_HARNESS_H
#define TESTS_NET_HARNESS_H

/*
 * Fake network devices for tests of the protocol stack. Devices are
 * registered like a driver's (so every net driver's per-device state is
 * probed), frames the stack transmits are captured for the test to inspect,
 * frames the test builds go in through net_rx_frame(). Time is a variable
 * the test advances. Settings are the real ones, so what a script or DHCP
 * stores takes effect through the applicators. Tests that use this list
 * these firmware sources:
 *   src/net/ethernet.c src/net/arp.c src/net/neighbour.c src/net/ipv4.c
 *   src/net/reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c
 *   src/net/tcpip.c src/net/netproto.c src/net/socket.c
 *   src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/process.c
 *   src/core/interface.c src/core/xfer.c src/core/settings.c
 *   src/core/setting_types.c src/core/inet6.c src/core/string.c src/core/vsprintf.c
 *   src/core/errors.c
 */

/* The inline functions of wireboot/interface.h name the null interface,
 * which the build renames like every firmware symbol. */
#define null_intf wb_null_intf
#define null_intf_operations wb_null_intf_operations

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <net/ipv4.h>
#include <net/udp.h>
#include <wireboot/build_info.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>
#include <wireboot/xfer.h>

/* From net/ethernet.h, which the system's header of that name hides here. */
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806

struct ethhdr {
	uint8_t h_dest[ETH_ALEN];
	uint8_t h_source[ETH_ALEN];
	uint16_t h_protocol;
} __attribute__((packed));

/* The plain error number of a firmware return code (errno_base() of our
 * errno.h, which the system's hides here): failure sites add bits above
 * the low byte. */
static inline int err_base(int rc)
{
	return rc < 0 ? -(-rc & 0xff) : rc;
}

/* The firmware functions the tests call (renamed by the build). */
struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
struct net_device *wb_alloc_netdev(size_t priv_len);
int wb_register_netdev(struct net_device *netdev);
void wb_unregister_netdev(struct net_device *netdev);
int wb_netdev_open(struct net_device *netdev);
void wb_netdev_close(struct net_device *netdev);
void wb_netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc);
void wb_netdev_rx(struct net_device *netdev, struct io_buffer *iob);
void wb_netdev_link_up(struct net_device *netdev);
void *wb_netdev_priv(struct net_device *netdev, const struct net_driver *driver);
struct net_device *wb_find_netdev(const char *name);
int wb_net_rx_frame(struct io_buffer *iob, struct net_device *netdev);
int wb_net_tx(struct io_buffer *iob, struct net_device *netdev,
	      const struct net_protocol *net_protocol, const void *ll_dest);
void wb_net_poll(void);
int wb_ipv4_configure(struct net_device *netdev, struct in_addr address,
		      struct in_addr netmask, struct in_addr gateway);
struct in_addr wb_ipv4_address(struct net_device *netdev);
void wb_ipv4_config(struct net_device *netdev, struct in_addr *address,
		    struct in_addr *netmask, struct in_addr *gateway);
int wb_tcpip_tx(struct io_buffer *iob, const struct tcpip_protocol *proto,
		const struct sockaddr_tcpip *st_src,
		const struct sockaddr_tcpip *st_dest, struct net_device *netdev,
		uint16_t *trans_csum);
struct net_device *wb_tcpip_route(const struct sockaddr_tcpip *st_dest);
uint16_t wb_tcpip_chksum(uint16_t partial, const void *data, size_t len);
int wb_udp_open(struct interface *xfer, const struct sockaddr *peer,
		const struct sockaddr *local);
int wb_xfer_open_socket(struct interface *xfer, int semantics,
			const struct sockaddr *peer, const struct sockaddr *local);
int wb_xfer_deliver(struct interface *intf, struct io_buffer *iob,
		    struct xfer_metadata *meta);
struct io_buffer *wb_xfer_alloc_iob(struct interface *intf, size_t len);
void wb_intf_shutdown(struct interface *intf, int rc);
void wb_run_timers(void);
void wb_step(void);
int wb_storef_setting(const char *name, const char *text);
int wb_fetchf_setting(const char *name, char *buf, size_t len);
int wb_inet_aton(const char *text, struct in_addr *addr);
const char *wb_inet_ntoa_r(struct in_addr addr, char *buf);
extern const uint8_t wb_eth_broadcast[ETH_ALEN];
extern const struct net_protocol wb_arp_protocol;
extern const struct net_protocol wb_ipv4_protocol;
extern const struct ll_protocol wb_ethernet_protocol;

/* ---- what the firmware objects expect from their platform ---------------- */

static uint64_t fake_now_us;

uint64_t monotonic_us(void)
{
	return fake_now_us;
}

void *zalloc(size_t size)
{
	return calloc(1, size);
}

const struct build_info build_info = { .version = "test" };

#include "fake_random.h"

/* ---- the fake devices ------------------------------------------------------ */

#define MAX_CAPTURED 64

struct captured_frame {
	struct net_device *netdev;	/* the device that sent it */
	uint8_t data[2048];
	size_t len;
};

static struct captured_frame captured[MAX_CAPTURED];
static unsigned captured_count;
static unsigned fake_polls;

static int fake_open(struct net_device *netdev)
{
	(void)netdev;
	return 0;
}

static void fake_close(struct net_device *netdev)
{
	(void)netdev;
}

static int fake_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	if (captured_count < MAX_CAPTURED && iob_len(iob) <= sizeof(captured[0].data)) {
		captured[captured_count].netdev = netdev;
		memcpy(captured[captured_count].data, iob->data, iob_len(iob));
		captured[captured_count].len = iob_len(iob);
		captured_count++;
	}
	wb_netdev_tx_complete(netdev, iob, 0);
	return 0;
}

static void fake_poll(struct net_device *netdev)
{
	(void)netdev;
	fake_polls++;
}

static const struct net_device_operations fake_operations = {
	.open = fake_open,
	.close = fake_close,
	.transmit = fake_transmit,
	.poll = fake_poll,
};

static const uint8_t our_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
static const uint8_t peer_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };

/* A registered, open device with the given MAC address (netN in the order
 * of creation). */
static inline struct net_device *fake_netdev_mac(const uint8_t *mac)
{
	struct net_device *netdev = wb_alloc_netdev(0);

	if (!netdev)
		abort();
	netdev->op = &fake_operations;
	netdev->driver_name = "fake";
	memcpy(netdev->hw_addr, mac, ETH_ALEN);
	if (wb_register_netdev(netdev) != 0 || wb_netdev_open(netdev) != 0)
		abort();
	wb_netdev_link_up(netdev);
	return netdev;
}

static inline struct net_device *fake_netdev(void)
{
	return fake_netdev_mac(our_mac);
}

/* Unregisters a fake device and drops the creator's reference. */
static inline void fake_netdev_remove(struct net_device *netdev)
{
	wb_unregister_netdev(netdev);
	netdev_put(netdev);
}

static inline struct in_addr ip(const char *text)
{
	struct in_addr addr = { 0 };

	wb_inet_aton(text, &addr);
	return addr;
}

static inline struct sockaddr_in sock_in(const char *text, uint16_t port)
{
	struct sockaddr_in sa;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_addr = ip(text);
	sa.sin_port = htons(port);
	return sa;
}

/* Configures 10.0.0.2/24 with gateway 10.0.0.1. */
static inline void configure(struct net_device *netdev)
{
	wb_ipv4_configure(netdev, ip("10.0.0.2"), ip("255.255.255.0"),
			  ip("10.0.0.1"));
}

/* A transport that only sends: what the IPv4 tests send through tcpip. */
static const struct tcpip_protocol raw_protocol = {
	.name = "raw",
	.tcpip_proto = 253,
};

/* Sends an IPv4 datagram of protocol 253 with len bytes of payload. */
static inline int send_ip(struct net_device *netdev, const char *dest,
			  const void *payload, size_t len)
{
	struct sockaddr_in st_dest = sock_in(dest, 0);
	struct io_buffer *iob = wb_alloc_net_iob(len);

	memcpy(iob_put(iob, len), payload, len);
	return wb_tcpip_tx(iob, &raw_protocol, NULL,
			   (struct sockaddr_tcpip *)&st_dest, netdev, NULL);
}

/* ---- building received frames ------------------------------------------------ */

/* Feeds a frame (Ethernet header from peer_mac + payload) to the stack. */
static inline int inject_from(struct net_device *netdev, uint16_t ethertype,
			      const uint8_t *dest_mac, const uint8_t *src_mac,
			      const void *payload, size_t len)
{
	struct io_buffer *iob = wb_alloc_iob(ETH_HLEN + len);
	struct ethhdr *eth = iob_put(iob, sizeof(*eth));

	memcpy(eth->h_dest, dest_mac, ETH_ALEN);
	memcpy(eth->h_source, src_mac, ETH_ALEN);
	eth->h_protocol = htons(ethertype);
	memcpy(iob_put(iob, len), payload, len);
	return wb_net_rx_frame(iob, netdev);
}

static inline int inject(struct net_device *netdev, uint16_t ethertype,
			 const uint8_t *dest_mac, const void *payload, size_t len)
{
	return inject_from(netdev, ethertype, dest_mac, peer_mac, payload, len);
}

/* Feeds captured frame i, as it was sent, to a device (a wire between two
 * fake devices). */
static inline int inject_captured(struct net_device *netdev, unsigned i)
{
	struct io_buffer *iob = wb_alloc_iob(captured[i].len);

	memcpy(iob_put(iob, captured[i].len), captured[i].data, captured[i].len);
	return wb_net_rx_frame(iob, netdev);
}

/* Writes an IPv4 header for payload_len bytes into buf (20 bytes). */
static inline void ip_header(uint8_t *buf, uint8_t protocol, const char *src,
			     const char *dest, size_t payload_len, uint16_t ident,
			     uint16_t frags)
{
	struct iphdr *iphdr = (struct iphdr *)buf;

	memset(iphdr, 0, sizeof(*iphdr));
	iphdr->verhdrlen = 0x45;
	iphdr->len = htons(sizeof(*iphdr) + payload_len);
	iphdr->ident = htons(ident);
	iphdr->frags = htons(frags);
	iphdr->ttl = 64;
	iphdr->protocol = protocol;
	iphdr->src = ip(src);
	iphdr->dest = ip(dest);
	iphdr->chksum = ~wb_tcpip_chksum(0, iphdr, sizeof(*iphdr));
}

/* Injects an IPv4 packet from 10.0.0.1 (frags: flags and offset). */
static inline int inject_ip(struct net_device *netdev, uint8_t protocol,
			    const char *dest, const void *payload, size_t len,
			    uint16_t ident, uint16_t frags)
{
	uint8_t packet[2048];

	ip_header(packet, protocol, "10.0.0.1", dest, len, ident, frags);
	memcpy(packet + 20, payload, len);
	return inject(netdev, ETH_P_IP, our_mac, packet, 20 + len);
}

/* The IPv4 packet of captured frame i (after its Ethernet header). */
static inline const struct iphdr *captured_ip(unsigned i)
{
	return (const struct iphdr *)(captured[i].data + ETH_HLEN);
}

/* An ARP reply from peer_mac saying that spa is there, addressed to tpa. */
static inline int inject_arp_reply(struct net_device *netdev, const char *spa,
				   const char *tpa)
{
	uint8_t reply[28] = { 0, 1, 8, 0, 6, 4, 0, 2 };
	struct in_addr sender = ip(spa), target = ip(tpa);

	memcpy(reply + 8, peer_mac, 6);
	memcpy(reply + 14, &sender, 4);
	memcpy(reply + 18, netdev->ll_addr, 6);
	memcpy(reply + 24, &target, 4);
	return inject(netdev, ETH_P_ARP, netdev->ll_addr, reply, sizeof(reply));
}

/* ---- a UDP endpoint: records what its socket delivers ------------------------ */

struct udp_endpoint {
	struct refcnt refcnt;
	struct interface xfer;
	unsigned received_count;
	char received[64];
	struct sockaddr_in from, to;
	struct net_device *netdev;	/* of the last datagram */
	bool close_on_receive;		/* shuts its socket from inside */
	bool closed;
	int closed_rc;
};

static int endpoint_deliver(struct interface *xfer, struct io_buffer *iob,
			    struct xfer_metadata *meta)
{
	struct udp_endpoint *ep = container_of(xfer, struct udp_endpoint, xfer);
	size_t len = iob_len(iob) < sizeof(ep->received) - 1 ?
		     iob_len(iob) : sizeof(ep->received) - 1;

	ep->received_count++;
	memset(ep->received, 0, sizeof(ep->received));
	memcpy(ep->received, iob->data, len);
	memset(&ep->from, 0, sizeof(ep->from));
	memset(&ep->to, 0, sizeof(ep->to));
	if (meta->src)
		memcpy(&ep->from, meta->src, sizeof(ep->from));
	if (meta->dest)
		memcpy(&ep->to, meta->dest, sizeof(ep->to));
	ep->netdev = meta->netdev;
	wb_free_iob(iob);
	if (ep->close_on_receive)
		wb_intf_shutdown(xfer, 0);
	return 0;
}

static void endpoint_close(struct interface *xfer, int rc)
{
	struct udp_endpoint *ep = container_of(xfer, struct udp_endpoint, xfer);

	ep->closed = true;
	ep->closed_rc = rc;
	wb_intf_shutdown(xfer, rc);
}

static const struct interface_operations endpoint_operations = {
	.deliver = endpoint_deliver,
	.close = endpoint_close,
};

/* Lives in the test's storage: the count only shows who holds it. */
static inline void endpoint_init(struct udp_endpoint *ep)
{
	memset(ep, 0, sizeof(*ep));
	ref_init(&ep->refcnt, NULL);
	intf_init(&ep->xfer, &endpoint_operations, &ep->refcnt);
}

/* Opens a UDP socket for ep on a local port (0: ephemeral), with an
 * optional peer and device (the scope). */
static inline int endpoint_open(struct udp_endpoint *ep, uint16_t port,
				const struct sockaddr_in *peer,
				struct net_device *netdev)
{
	struct sockaddr_in local;

	endpoint_init(ep);
	memset(&local, 0, sizeof(local));
	local.sin_family = AF_INET;
	local.sin_port = htons(port);
	local.sin_scope_id = netdev ? (uint16_t)(netdev->index + 1) : 0;
	return wb_udp_open(&ep->xfer, (const struct sockaddr *)peer,
			   (const struct sockaddr *)&local);
}

/* Sends text from ep's socket (dest NULL: to its peer). */
static inline int endpoint_send(struct udp_endpoint *ep, const void *data,
				size_t len, const struct sockaddr_in *dest)
{
	struct xfer_metadata meta = {
		.dest = (struct sockaddr *)dest,
	};
	struct io_buffer *iob = wb_xfer_alloc_iob(&ep->xfer, len);

	if (!iob)
		return -1;
	memcpy(iob_put(iob, len), data, len);
	return wb_xfer_deliver(&ep->xfer, iob, &meta);
}

/* Closes ep's socket (the socket drops its reference on ep). */
static inline void endpoint_close_socket(struct udp_endpoint *ep)
{
	wb_intf_shutdown(&ep->xfer, 0);
}

#endif
