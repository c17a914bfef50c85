#ifndef NET_IPV4_H
#define NET_IPV4_H

/*
 * IPv4: per-device configuration (set by DHCP or the "set"/"ifconf"
 * commands), routing (on-link or via the gateway), transmission with ARP
 * resolution, reception with checksum checks and fragment reassembly, and
 * dispatch to transport protocols (ICMP, UDP) in the "ip_protocols" table.
 */

#include <stdint.h>
#include <net/in.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/tables.h>

#define IP_ICMP 1
#define IP_TCP 6
#define IP_UDP 17

struct iphdr {
	uint8_t verhdrlen;	/* version 4, header length in 32-bit words */
	uint8_t service;
	uint16_t len;
	uint16_t ident;
	uint16_t frags;		/* flags and fragment offset */
	uint8_t ttl;
	uint8_t protocol;
	uint16_t chksum;
	struct in_addr src;
	struct in_addr dest;
} __packed;

struct ip_protocol {
	const char *name;
	uint8_t protocol;
	/* iob data starts at the transport header. */
	int (*rx)(struct io_buffer *iob, struct net_device *netdev,
		  struct in_addr src, struct in_addr dest);
};
TABLE_DECLARE(const struct ip_protocol, ip_protocols);
#define IP_PROTOCOL(name) \
	const struct ip_protocol name TABLE_ENTRY(const struct ip_protocol, ip_protocols, 01)

/* Sets (or with address 0, clears) a device's IPv4 configuration. */
int ipv4_configure(struct net_device *netdev, struct in_addr address,
		   struct in_addr netmask, struct in_addr gateway);
/* The device's address (0 if unconfigured). */
struct in_addr ipv4_address(struct net_device *netdev);

/*
 * Sends a transport payload; takes ownership of iob. The route is chosen
 * from dest; netdev forces a device (needed for broadcasts before any
 * address is configured, e.g. DHCP). src 0 means the device's address.
 */
int ipv4_tx(struct io_buffer *iob, uint8_t protocol, struct in_addr src,
	    struct in_addr dest, struct net_device *netdev);
/* The source address ipv4_tx() would use for dest (with src 0), for the
 * pseudo-header checksums of UDP and TCP; 0 or -ENETUNREACH. */
int ipv4_source_address(struct in_addr dest, struct net_device *netdev,
			struct in_addr *src);

/* The Internet checksum (RFC 1071), continuing from a previous partial
 * sum; callers fold and complement: ~tcpip_chksum(0, data, len). The sum is
 * of 16-bit words in memory order, so the complement is stored into a
 * header as it is (no htons), and a correct header sums to 0xffff. Every
 * piece but the last must have an even length. */
uint16_t tcpip_chksum(uint16_t partial, const void *data, size_t len);

#endif
