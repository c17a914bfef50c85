#ifndef TESTS_NET_HARNESS_H
#define TESTS_NET_HARNESS_H

/*
 * A fake network device for tests of the protocol stack: frames the stack
 * transmits are captured for the test to inspect, frames the test builds
 * are fed to eth_rx(). Time is a variable the test advances. Tests that use
 * this list these firmware sources:
 *   src/net/ethernet.c src/net/arp.c src/net/ipv4.c
 *   src/net/ipv4_reassembly.c src/net/icmp.c src/net/udp.c src/net/inet.c
 *   src/core/netdev.c src/core/iobuf.c src/core/retry.c src/core/string.c
 *   src/core/vsprintf.c src/core/errors.c
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <net/ipv4.h>
#include <net/udp.h>
#include <wireboot/netdev.h>
#include <wireboot/settings.h>

/* From net/ethernet.h, which the system's header of that name hides here. */
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806

struct ethhdr {
	uint8_t h_dest[ETH_ALEN];
	uint8_t h_source[ETH_ALEN];
	uint16_t h_protocol;
} __attribute__((packed));

/* The firmware functions the tests call (renamed by the build). */
struct io_buffer *wb_alloc_iob(size_t len);
struct io_buffer *wb_alloc_net_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);
struct net_device *wb_alloc_netdev(size_t priv_len);
int wb_netdev_open(struct net_device *netdev);
void wb_netdev_close(struct net_device *netdev);
void wb_netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc);
int wb_eth_rx(struct io_buffer *iob, struct net_device *netdev);
int wb_net_tx(struct io_buffer *iob, struct net_device *netdev,
	      uint16_t ethertype, const uint8_t *ll_dest);
int wb_ipv4_configure(struct net_device *netdev, struct in_addr address,
		      struct in_addr netmask, struct in_addr gateway);
struct in_addr wb_ipv4_address(struct net_device *netdev);
int wb_ipv4_tx(struct io_buffer *iob, uint8_t protocol, struct in_addr src,
	       struct in_addr dest, struct net_device *netdev);
uint16_t wb_tcpip_chksum(uint16_t partial, const void *data, size_t len);
int wb_udp_open(struct udp_conn *conn, const struct udp_operations *op,
		uint16_t local_port, const struct sockaddr_in *peer,
		struct net_device *netdev);
void wb_udp_close(struct udp_conn *conn);
int wb_udp_tx(struct udp_conn *conn, struct io_buffer *iob,
	      const struct sockaddr_in *dest);
struct io_buffer *wb_udp_alloc_iob(size_t len);
void wb_run_timers(void);
int wb_inet_aton(const char *text, struct in_addr *addr);
const char *wb_inet_ntoa_r(struct in_addr addr, char *buf);
extern const uint8_t wb_eth_broadcast[ETH_ALEN];

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

void settings_init(struct settings *block, const char *name)
{
	(void)block;
	(void)name;
}

void register_settings(struct settings *block, struct settings *parent)
{
	(void)block;
	(void)parent;
}

void unregister_settings(struct settings *block)
{
	(void)block;
}

/* ---- the fake device ------------------------------------------------------- */

#define MAX_CAPTURED 64

struct captured_frame {
	uint8_t data[2048];
	size_t len;
};

static struct captured_frame captured[MAX_CAPTURED];
static unsigned captured_count;

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
}

static const struct net_device_operations fake_operations = {
	.open = fake_open,
	.close = fake_close,
	.transmit = fake_transmit,
	.poll = fake_poll,
};

static const uint8_t our_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
static const uint8_t peer_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x02 };

static inline struct net_device *fake_netdev(void)
{
	struct net_device *netdev = wb_alloc_netdev(0);

	netdev->op = &fake_operations;
	memcpy(netdev->ll_addr, our_mac, ETH_ALEN);
	strcpy(netdev->name, "net0");
	wb_netdev_open(netdev);
	return netdev;
}

static inline struct in_addr ip(const char *text)
{
	struct in_addr addr = { 0 };

	wb_inet_aton(text, &addr);
	return addr;
}

/* Configures 10.0.0.2/24 with gateway 10.0.0.1. */
static inline void configure(struct net_device *netdev)
{
	wb_ipv4_configure(netdev, ip("10.0.0.2"), ip("255.255.255.0"),
			  ip("10.0.0.1"));
}

/* ---- building received frames ------------------------------------------------ */

/* Feeds a frame (Ethernet header + payload) to the stack. */
static inline int inject(struct net_device *netdev, uint16_t ethertype,
		  const uint8_t *dest_mac, const void *payload, size_t len)
{
	struct io_buffer *iob = wb_alloc_iob(ETH_HLEN + len);
	struct ethhdr *eth = iob_put(iob, sizeof(*eth));

	memcpy(eth->h_dest, dest_mac, ETH_ALEN);
	memcpy(eth->h_source, peer_mac, ETH_ALEN);
	eth->h_protocol = htons(ethertype);
	memcpy(iob_put(iob, len), payload, len);
	return wb_eth_rx(iob, netdev);
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

#endif
