/*
 * The network device layer between NIC drivers and the protocols (see
 * wireboot/netdev.h): naming, open/close, transmit bookkeeping, the receive
 * queue and link state.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/debug.h>
#include <wireboot/netdev.h>

/* Frames waiting for the protocols, per device: a bound so that a flood
 * while nothing processes them cannot exhaust memory. */
#define RX_QUEUE_LIMIT 64

TABLE_DEFINE(const struct netdev_removal_hook, netdev_removal_hooks);

LIST_HEAD(net_devices);
static unsigned next_index;
static struct net_device *last_opened;

static void free_netdev(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct net_device, refcnt));
}

struct net_device *alloc_netdev(size_t priv_len)
{
	struct net_device *netdev;

	if (priv_len > SIZE_MAX - sizeof(*netdev) - 16)
		return NULL;
	netdev = zalloc(sizeof(*netdev) + 16 + priv_len);
	if (!netdev)
		return NULL;
	ref_init(&netdev->refcnt, free_netdev);
	INIT_LIST_HEAD(&netdev->list);
	INIT_LIST_HEAD(&netdev->tx_pending);
	INIT_LIST_HEAD(&netdev->rx_queue);
	netdev->mtu = 1500;
	netdev->link_rc = -ENETDOWN;
	/* Driver data after the descriptor, 16-byte aligned. */
	netdev->priv = (void *)(((uintptr_t)(netdev + 1) + 15) & ~(uintptr_t)15);
	return netdev;
}

int register_netdev(struct net_device *netdev)
{
	snprintf(netdev->name, sizeof(netdev->name), "net%u", next_index);
	netdev->index = next_index++;
	if (!memcmp(netdev->ll_addr, "\0\0\0\0\0\0", ETH_ALEN))
		memcpy(netdev->ll_addr, netdev->hw_addr, ETH_ALEN);
	settings_init(&netdev->settings, netdev->name);
	register_settings(&netdev->settings, NULL);
	netdev_get(netdev);
	list_add_tail(&netdev->list, &net_devices);
	DBG("%s: %s at %s\n", netdev->name, netdev->driver_name,
	    netdev->location);
	return 0;
}

void unregister_netdev(struct net_device *netdev)
{
	const struct netdev_removal_hook *hook;

	netdev_close(netdev);
	for_each_table_entry(hook, netdev_removal_hooks)
		hook->removed(netdev);
	unregister_settings(&netdev->settings);
	list_del(&netdev->list);
	if (last_opened == netdev)
		last_opened = NULL;
	/* Names are reused only when every device is gone, so that net0
	 * keeps meaning the same NIC while the program runs. */
	if (list_empty(&net_devices))
		next_index = 0;
	netdev_put(netdev);
}

int netdev_open(struct net_device *netdev)
{
	int rc;

	if (netdev->is_open)
		return 0;
	rc = netdev->op->open(netdev);
	if (rc != 0) {
		DBG("%s: open failed: %s\n", netdev->name, strerror(rc));
		return rc;
	}
	netdev->is_open = true;
	last_opened = netdev;
	return 0;
}

void netdev_close(struct net_device *netdev)
{
	struct io_buffer *iob, *next;

	if (!netdev->is_open)
		return;
	netdev->op->close(netdev);
	netdev->is_open = false;
	/* The hardware is stopped: whatever it still held is ours again. */
	list_for_each_entry_safe(iob, next, &netdev->tx_pending, list)
		netdev_tx_complete(netdev, iob, -ECANCELED);
	while ((iob = netdev_rx_dequeue(netdev)))
		free_iob(iob);
}

int netdev_tx(struct net_device *netdev, struct io_buffer *iob)
{
	int rc;

	if (!netdev->is_open) {
		free_iob(iob);
		return -ENETDOWN;
	}
	/* Pad runt frames: some NICs send them as they are, and receivers
	 * drop frames shorter than 60 bytes. The pad length is computed once:
	 * in one call with iob_put() it could be evaluated after the put. */
	if (iob_len(iob) < 60) {
		size_t pad = 60 - iob_len(iob);

		if (iob_tailroom(iob) >= pad)
			memset(iob_put(iob, pad), 0, pad);
	}
	list_add_tail(&iob->list, &netdev->tx_pending);
	rc = netdev->op->transmit(netdev, iob);
	if (rc != 0)
		netdev_tx_complete(netdev, iob, rc);
	return rc;
}

void netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	list_del(&iob->list);
	if (rc == 0) {
		netdev->stats.tx_ok++;
	} else {
		netdev->stats.tx_errors++;
		DBG2("%s: transmit failed: %s\n", netdev->name, strerror(rc));
	}
	free_iob(iob);
}

void netdev_rx(struct net_device *netdev, struct io_buffer *iob)
{
	/* A frame reaped while the device closes has nobody to go to. */
	if (!netdev->is_open || netdev->rx_queued >= RX_QUEUE_LIMIT) {
		netdev->stats.rx_dropped++;
		free_iob(iob);
		return;
	}
	netdev->stats.rx_ok++;
	netdev->rx_queued++;
	list_add_tail(&iob->list, &netdev->rx_queue);
}

struct io_buffer *netdev_rx_dequeue(struct net_device *netdev)
{
	struct io_buffer *iob = netdev_rx_peek(netdev);

	if (iob) {
		list_del(&iob->list);
		netdev->rx_queued--;
	}
	return iob;
}

void netdev_rx_err(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	netdev->stats.rx_errors++;
	DBG2("%s: receive failed: %s\n", netdev->name, strerror(rc));
	free_iob(iob);
}

void netdev_link_up(struct net_device *netdev)
{
	if (netdev->link_rc != 0)
		DBG("%s: link up\n", netdev->name);
	netdev->link_rc = 0;
}

void netdev_link_down(struct net_device *netdev)
{
	if (netdev->link_rc == 0)
		DBG("%s: link down\n", netdev->name);
	netdev->link_rc = -ENETDOWN;
}

struct net_device *find_netdev(const char *name)
{
	struct net_device *netdev;

	for_each_netdev(netdev) {
		if (strcmp(netdev->name, name) == 0)
			return netdev;
	}
	return NULL;
}

struct net_device *last_opened_netdev(void)
{
	return last_opened;
}

const char *eth_ntoa(const uint8_t *ll_addr, char *buf)
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", ll_addr[0],
		 ll_addr[1], ll_addr[2], ll_addr[3], ll_addr[4], ll_addr[5]);
	return buf;
}
