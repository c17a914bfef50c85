/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_FAKE_BLANK_NIC_H
#define TESTS_FAKE_BLANK_NIC_H

/*
 * A network device with nothing behind it, for tests and fuzz targets
 * whose protocols talk to fake sockets (fake_socket.h) but that need a
 * real, registered net_device (its name, its settings block, the state
 * the net drivers keep with it). Frames never reach it: a test checks
 * fake_nic_transmits stays 0. A test may make opening fail.
 */

#include <string.h>
#include <wireboot/netdev.h>

struct net_device *wb_alloc_netdev(size_t priv_len);
int wb_register_netdev(struct net_device *netdev);

static int fake_nic_open_rc;
static unsigned fake_nic_transmits;

static int fake_nic_open(struct net_device *netdev)
{
	(void)netdev;
	return fake_nic_open_rc;
}

static void fake_nic_close(struct net_device *netdev)
{
	(void)netdev;
}

static int fake_nic_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	(void)netdev;
	(void)iob;
	fake_nic_transmits++;
	return -100;	/* ENETDOWN: the device layer completes (frees) it */
}

static void fake_nic_poll(struct net_device *netdev)
{
	(void)netdev;
}

static const struct net_device_operations fake_nic_operations = {
	.open = fake_nic_open,
	.close = fake_nic_close,
	.transmit = fake_nic_transmit,
	.poll = fake_nic_poll,
};

/* A registered device (netN, in order) with this MAC, or NULL. */
__attribute__((unused)) static struct net_device *
fake_nic_register(const uint8_t *mac)
{
	struct net_device *netdev = wb_alloc_netdev(0);

	if (!netdev)
		return NULL;
	netdev->op = &fake_nic_operations;
	netdev->driver_name = "fake";
	memcpy(netdev->hw_addr, mac, ETH_ALEN);
	if (wb_register_netdev(netdev) != 0)
		return NULL;
	return netdev;
}

#endif
