#ifndef NET_UDP_H
#define NET_UDP_H

/*
 * UDP connections. A protocol (DHCP, TFTP, DNS) opens one with a local port
 * (0: pick an ephemeral one) and an optional peer, and receives datagrams
 * through its rx callback together with the sender's address, so that it
 * can follow a server that answers from another port (TFTP does).
 */

#include <stdint.h>
#include <net/in.h>
#include <wireboot/iobuf.h>
#include <wireboot/list.h>
#include <wireboot/netdev.h>

struct udp_conn;

struct udp_operations {
	/* Takes ownership of iob (data = UDP payload). */
	void (*rx)(struct udp_conn *conn, struct io_buffer *iob,
		   const struct sockaddr_in *src, const struct sockaddr_in *dest,
		   struct net_device *netdev);
};

struct udp_conn {
	struct list_head list;
	const struct udp_operations *op;
	uint16_t local_port;		/* network byte order */
	struct sockaddr_in peer;	/* sin_addr 0: accept any sender */
	struct net_device *netdev;	/* bound device, or NULL for routing */
};

/* Binds conn (local_port in host order, 0 for ephemeral); peer optional. */
int udp_open(struct udp_conn *conn, const struct udp_operations *op,
	     uint16_t local_port, const struct sockaddr_in *peer,
	     struct net_device *netdev);
void udp_close(struct udp_conn *conn);
/* Changes the peer (e.g. TFTP's server transfer port). */
void udp_connect(struct udp_conn *conn, const struct sockaddr_in *peer);

/* Sends iob's data (takes ownership) to dest, or to the connection's peer
 * if dest is NULL. */
int udp_tx(struct udp_conn *conn, struct io_buffer *iob,
	   const struct sockaddr_in *dest);
/* Allocates a buffer with headroom for UDP/IP/Ethernet and len bytes. */
struct io_buffer *udp_alloc_iob(size_t len);

#endif
