/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices over a file descriptor that carries one Ethernet frame
 * per read(2) and write(2): a TAP interface (linux_tap.c) or a connected
 * UDP socket (linux_dgram.c) behave the same once open, so both share this
 * device, its polling and the main loop's idle wait. Devices sit in
 * linux_netdevs[] at the index of the command-line option that made them.
 */

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wireboot/netdev.h>
#include <wireboot/process.h>
#include "linux.h"

/* Frames read per poll: enough for a burst, little enough to stay fair to
 * timers and other devices. */
#define NETFD_RX_BURST 16
/* The longest the main loop sleeps when nothing arrives: timers need no
 * finer resolution, and an idle process should not spin on a CPU. */
#define NETFD_IDLE_WAIT_MS 1

struct netfd_device {
	int fd;
};

struct net_device *linux_netdevs[LINUX_MAX_TAPS];

static int netfd_open(struct net_device *netdev)
{
	netdev_link_up(netdev);
	return 0;
}

static void netfd_close(struct net_device *netdev)
{
	netdev_link_down(netdev);
}

static int netfd_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct netfd_device *dev = netdev->priv;
	ssize_t written = write(dev->fd, iob->data, iob_len(iob));

	/* A UDP peer not listening yet loses the frame, as a cable without
	 * a partner would. */
	if (written < 0 && errno != ECONNREFUSED)
		return errno == EAGAIN ? -ENOBUFS : -EIO;
	netdev_tx_complete(netdev, iob, 0);
	return 0;
}

static void netfd_poll(struct net_device *netdev)
{
	struct netfd_device *dev = netdev->priv;
	unsigned frames;

	for (frames = 0; frames < NETFD_RX_BURST; frames++) {
		struct io_buffer *iob = alloc_iob(NETDEV_RX_BUFFER_LEN);
		ssize_t got;

		if (!iob)
			return;
		got = read(dev->fd, iob->data, NETDEV_RX_BUFFER_LEN);
		if (got < 0 && (errno == EAGAIN || errno == ECONNREFUSED)) {
			/* (ECONNREFUSED: the error an earlier send to a
			 * silent UDP peer left on the socket.) */
			free_iob(iob);
			if (errno == EAGAIN)
				return;
			continue;
		}
		if (got <= 0) {
			netdev_rx_err(netdev, iob, -EIO);
			return;
		}
		iob_put(iob, (size_t)got);
		netdev_rx(netdev, iob);
	}
}

static const struct net_device_operations netfd_operations = {
	.open = netfd_open,
	.close = netfd_close,
	.transmit = netfd_transmit,
	.poll = netfd_poll,
};

/* The same name gives the same MAC address on every run: a locally
 * administered unicast address from a hash (FNV-1a) of the name. */
static void netfd_mac_address(const char *name, uint8_t *mac)
{
	uint64_t hash = 0xcbf29ce484222325ULL;
	unsigned i;

	while (*name) {
		hash ^= (unsigned char)*name++;
		hash *= 0x100000001b3ULL;
	}
	mac[0] = 0x02;
	for (i = 1; i < ETH_ALEN; i++)
		mac[i] = (uint8_t)(hash >> (8 * i));
}

int linux_netfd_create(unsigned index, int fd, const char *driver)
{
	const char *name = linux_options.taps[index].name;
	struct net_device *netdev = alloc_netdev(sizeof(struct netfd_device));

	if (!netdev) {
		close(fd);
		return -ENOMEM;
	}
	((struct netfd_device *)netdev->priv)->fd = fd;
	netdev->op = &netfd_operations;
	netdev->driver_name = driver;
	snprintf(netdev->location, sizeof(netdev->location), "%s", name);
	netfd_mac_address(name, netdev->hw_addr);
	register_netdev(netdev);
	linux_netdevs[index] = netdev;
	return 0;
}

void linux_netfd_remove(bool dgram)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++) {
		struct net_device *netdev = linux_netdevs[i];

		if (!netdev || linux_options.taps[i].dgram != dgram)
			continue;
		unregister_netdev(netdev);
		close(((struct netfd_device *)netdev->priv)->fd);
		netdev_put(netdev);
		linux_netdevs[i] = NULL;
	}
}

/* Sleeps until a device has a frame or NETFD_IDLE_WAIT_MS passes, unless
 * received frames still wait for the protocols. */
static void netfd_idle(void)
{
	struct pollfd fds[LINUX_MAX_TAPS];
	unsigned i, count = 0;

	for (i = 0; i < linux_options.tap_count; i++) {
		struct net_device *netdev = linux_netdevs[i];

		if (!netdev || !netdev->is_open)
			continue;
		if (!list_empty(&netdev->rx_queue))
			return;
		fds[count].fd = ((struct netfd_device *)netdev->priv)->fd;
		fds[count].events = POLLIN;
		count++;
	}
	poll(fds, count, NETFD_IDLE_WAIT_MS);
}

PERMANENT_PROCESS(netfd_idle_process) = {
	.step = netfd_idle,
};
