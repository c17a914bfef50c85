/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices over Linux TAP interfaces (named with --tap): each frame
 * the kernel routes to the interface is read from /dev/net/tun, and each
 * frame we send is written there. The interface must exist and be up
 * (e.g. "ip tuntap add dev tap0 mode tap"), or we create a transient one.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <wireboot/device.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/process.h>
#include "linux.h"

/* Frames read per poll: enough for a burst, little enough to stay fair to
 * timers and other devices. */
#define TAP_RX_BURST 16
/* The longest the main loop sleeps when nothing arrives: timers need no
 * finer resolution, and an idle process should not spin on a CPU. */
#define TAP_IDLE_WAIT_MS 1

struct tap_device {
	int fd;
};

static struct net_device *tap_netdevs[LINUX_MAX_TAPS];

static int tap_open(struct net_device *netdev)
{
	netdev_link_up(netdev);
	return 0;
}

static void tap_close(struct net_device *netdev)
{
	netdev_link_down(netdev);
}

static int tap_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct tap_device *tap = netdev->priv;
	ssize_t written = write(tap->fd, iob->data, iob_len(iob));

	if (written < 0)
		return errno == EAGAIN ? -ENOBUFS : -EIO;
	netdev_tx_complete(netdev, iob, 0);
	return 0;
}

static void tap_poll(struct net_device *netdev)
{
	struct tap_device *tap = netdev->priv;
	unsigned frames;

	for (frames = 0; frames < TAP_RX_BURST; frames++) {
		struct io_buffer *iob = alloc_iob(NETDEV_RX_BUFFER_LEN);
		ssize_t got;

		if (!iob)
			return;
		got = read(tap->fd, iob->data, NETDEV_RX_BUFFER_LEN);
		if (got < 0 && errno == EAGAIN) {
			free_iob(iob);
			return;
		}
		if (got <= 0) {
			netdev_rx_err(netdev, iob, -EIO);
			return;
		}
		iob_put(iob, (size_t)got);
		netdev_rx(netdev, iob);
	}
}

static const struct net_device_operations tap_operations = {
	.open = tap_open,
	.close = tap_close,
	.transmit = tap_transmit,
	.poll = tap_poll,
};

/* The same name gives the same MAC address on every run: a locally
 * administered unicast address from a hash (FNV-1a) of the name. */
static void tap_mac_address(const char *name, uint8_t *mac)
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

static int tap_attach(const char *name, int fd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	if (strlen(name) >= sizeof(ifr.ifr_name))
		return -EINVAL;
	strcpy(ifr.ifr_name, name);
	if (ioctl(fd, TUNSETIFF, &ifr) != 0)
		return -errno;
	return 0;
}

static struct net_device *tap_create(const char *name)
{
	struct net_device *netdev;
	struct tap_device *tap;
	int fd, rc;

	fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		printf("tap %s: /dev/net/tun: %s\n", name, strerror(-errno));
		return NULL;
	}
	rc = tap_attach(name, fd);
	netdev = rc == 0 ? alloc_netdev(sizeof(*tap)) : NULL;
	if (!netdev) {
		printf("tap %s: %s\n", name, strerror(rc ? rc : -ENOMEM));
		close(fd);
		return NULL;
	}
	tap = netdev->priv;
	tap->fd = fd;
	netdev->op = &tap_operations;
	netdev->driver_name = "tap";
	snprintf(netdev->location, sizeof(netdev->location), "%s", name);
	tap_mac_address(name, netdev->hw_addr);
	register_netdev(netdev);
	return netdev;
}

static void tap_destroy(struct net_device *netdev)
{
	struct tap_device *tap = netdev->priv;

	unregister_netdev(netdev);
	close(tap->fd);
	netdev_put(netdev);
}

static int tap_probe(void)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++)
		tap_netdevs[i] = tap_create(linux_options.taps[i].name);
	return 0;
}

static void tap_remove(void)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++) {
		if (tap_netdevs[i])
			tap_destroy(tap_netdevs[i]);
		tap_netdevs[i] = NULL;
	}
}

DEVICE_PROBER(tap_prober) = {
	.name = "tap",
	.probe = tap_probe,
	.remove = tap_remove,
};
FEATURE("tap");

struct net_device *linux_tap_netdev(const char *name)
{
	unsigned i;

	for (i = 0; i < linux_options.tap_count; i++) {
		if (tap_netdevs[i] && strcmp(linux_options.taps[i].name, name) == 0)
			return tap_netdevs[i];
	}
	return NULL;
}

/* Sleeps until a TAP device has a frame or TAP_IDLE_WAIT_MS passes, unless
 * received frames still wait for the protocols. */
static void tap_idle(void)
{
	struct pollfd fds[LINUX_MAX_TAPS];
	unsigned i, count = 0;

	for (i = 0; i < linux_options.tap_count; i++) {
		struct net_device *netdev = tap_netdevs[i];

		if (!netdev || !netdev->is_open)
			continue;
		if (!list_empty(&netdev->rx_queue))
			return;
		fds[count].fd = ((struct tap_device *)netdev->priv)->fd;
		fds[count].events = POLLIN;
		count++;
	}
	poll(fds, count, TAP_IDLE_WAIT_MS);
}

PERMANENT_PROCESS(tap_idle_process) = {
	.step = tap_idle,
};
