/*
 * A UDP echo service (RFC 862 style) for testing the stack from outside:
 * every datagram goes back to its sender, from the port it came to.
 */

#include <stdbool.h>
#include <net/udp.h>
#include "linux.h"

static struct udp_conn echo_conn;
static bool echo_open;

static void echo_rx(struct udp_conn *conn, struct io_buffer *iob,
		    const struct sockaddr_in *src,
		    const struct sockaddr_in *dest __attribute__((unused)),
		    struct net_device *netdev __attribute__((unused)))
{
	udp_tx(conn, iob, src);
}

static const struct udp_operations echo_operations = {
	.rx = echo_rx,
};

int udp_echo_start(uint16_t port)
{
	int rc = udp_open(&echo_conn, &echo_operations, port, NULL, NULL);

	echo_open = rc == 0;
	return rc;
}

void udp_echo_stop(void)
{
	if (echo_open)
		udp_close(&echo_conn);
	echo_open = false;
}
