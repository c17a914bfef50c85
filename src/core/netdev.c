/* SPDX-License-Identifier: GPL-2.0-or-later */
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

TABLE_DEFINE(const struct net_driver, net_drivers);
TABLE_DEFINE(const struct netdev_rx_filter, netdev_rx_filters);

/* Each net driver's state is aligned like anything malloc returns. */
#define STATE_ALIGN 16
#define STATE_ROUND(len) (((len) + STATE_ALIGN - 1) & ~(size_t)(STATE_ALIGN - 1))

LIST_HEAD(net_devices);
static unsigned next_index;
static struct net_device *last_opened;

static void free_netdev(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct net_device, refcnt));
}

static size_t net_drivers_state_len(void)
{
	const struct net_driver *driver;
	size_t len = 0;

	for_each_table_entry(driver, net_drivers)
		len += STATE_ROUND(driver->priv_len);
	return len;
}

void *netdev_priv(struct net_device *netdev, const struct net_driver *driver)
{
	const struct net_driver *each;
	size_t offset = 0;

	for_each_table_entry(each, net_drivers) {
		if (each == driver)
			break;
		offset += STATE_ROUND(each->priv_len);
	}
	return (char *)netdev->state + offset;
}

/* Tells every net driver that the device changed state. Drivers report
 * their link before the device registers: nobody has state for it yet. */
static void netdev_notify(struct net_device *netdev)
{
	const struct net_driver *driver;

	if (list_empty(&netdev->list))
		return;
	for_each_table_entry(driver, net_drivers) {
		if (driver->notify)
			driver->notify(netdev, netdev_priv(netdev, driver));
	}
}

struct net_device *alloc_netdev(size_t priv_len)
{
	struct net_device *netdev;
	size_t state_len = net_drivers_state_len();
	size_t priv_space;

	if (priv_len > SIZE_MAX / 2 || state_len > SIZE_MAX / 4)
		return NULL;
	priv_space = STATE_ROUND(priv_len);
	netdev = zalloc(sizeof(*netdev) + STATE_ALIGN + priv_space + state_len);
	if (!netdev)
		return NULL;
	ref_init(&netdev->refcnt, free_netdev);
	INIT_LIST_HEAD(&netdev->list);
	INIT_LIST_HEAD(&netdev->tx_pending);
	INIT_LIST_HEAD(&netdev->rx_queue);
	netdev->mtu = 1500;
	netdev->link_rc = -ENETDOWN;
	/* Driver data after the descriptor, 16-byte aligned. */
	netdev->priv = (void *)(((uintptr_t)(netdev + 1) + STATE_ALIGN - 1) &
				~(uintptr_t)(STATE_ALIGN - 1));
	netdev->state = (char *)netdev->priv + priv_space;
	return netdev;
}

static void remove_net_drivers(struct net_device *netdev,
			       const struct net_driver *end)
{
	const struct net_driver *driver = end;

	while (driver-- > TABLE_START(net_drivers)) {
		if (driver->remove)
			driver->remove(netdev, netdev_priv(netdev, driver));
	}
}

int register_netdev(struct net_device *netdev)
{
	const struct net_driver *driver;
	int rc;

	/* A device stacked on another may come named ("net0-42"). */
	if (!netdev->name[0])
		snprintf(netdev->name, sizeof(netdev->name), "net%u",
			 next_index);
	netdev->index = next_index++;
	if (!memcmp(netdev->ll_addr, "\0\0\0\0\0\0", ETH_ALEN))
		memcpy(netdev->ll_addr, netdev->hw_addr, ETH_ALEN);
	settings_init(&netdev->settings, netdev->name);
	register_settings(&netdev->settings, NULL);
	netdev_get(netdev);
	list_add_tail(&netdev->list, &net_devices);
	for_each_table_entry(driver, net_drivers) {
		if (!driver->probe)
			continue;
		rc = driver->probe(netdev, netdev_priv(netdev, driver));
		if (rc) {
			DBG("%s: %s: %s\n", netdev->name, driver->name,
			    strerror(rc));
			remove_net_drivers(netdev, driver);
			unregister_settings(&netdev->settings);
			list_del(&netdev->list);
			/* The name goes to the next device instead. */
			if (netdev->index + 1 == next_index)
				next_index--;
			netdev_put(netdev);
			return rc;
		}
	}
	DBG("%s: %s at %s\n", netdev->name, netdev->driver_name,
	    netdev->location);
	return 0;
}

void unregister_netdev(struct net_device *netdev)
{
	netdev_close(netdev);
	remove_net_drivers(netdev, TABLE_END(net_drivers));
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
	netdev_notify(netdev);
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
	netdev_notify(netdev);
}

int netdev_tx(struct net_device *netdev, struct io_buffer *iob)
{
	int rc;

	if (!netdev->is_open) {
		free_iob(iob);
		return -ENETDOWN;
	}
	/* Pad runt frames: some NICs send them as they are, and receivers
	 * drop frames shorter than ETH_ZLEN. The pad length is computed once:
	 * in one call with iob_put() it could be evaluated after the put. */
	if (iob_len(iob) < ETH_ZLEN) {
		size_t pad = ETH_ZLEN - iob_len(iob);

		if (iob_tailroom(iob) >= pad)
			memset(iob_put(iob, pad), 0, pad);
	}
	list_add_tail(&iob->list, &netdev->tx_pending);
	rc = netdev->op->transmit(netdev, iob);
	if (rc != 0)
		netdev_tx_complete(netdev, iob, rc);
	return rc;
}

/* Counts rc among the reasons; once the table is full, new reasons only
 * count in the total. */
static void count_reason(struct netdev_error_reason *reasons, int rc)
{
	unsigned i;

	for (i = 0; i < NETDEV_ERROR_REASONS; i++) {
		if (reasons[i].rc == rc || reasons[i].rc == 0) {
			reasons[i].rc = rc;
			reasons[i].count++;
			return;
		}
	}
}

void netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	list_del(&iob->list);
	if (rc == 0) {
		netdev->stats.tx_ok++;
	} else {
		netdev->stats.tx_errors++;
		count_reason(netdev->stats.tx_reasons, rc);
		DBG2("%s: transmit failed: %s\n", netdev->name, strerror(rc));
	}
	free_iob(iob);
}

void netdev_tx_handover(struct net_device *netdev, struct io_buffer *iob)
{
	list_del(&iob->list);
	netdev->stats.tx_ok++;
}

static bool filtered(struct net_device *netdev, struct io_buffer *iob)
{
	const struct netdev_rx_filter *filter;

	for_each_table_entry(filter, netdev_rx_filters) {
		if (filter->drop(netdev, iob))
			return true;
	}
	return false;
}

void netdev_rx(struct net_device *netdev, struct io_buffer *iob)
{
	/* A frame reaped while the device closes has nobody to go to. */
	if (!netdev->is_open || netdev->rx_queued >= RX_QUEUE_LIMIT ||
	    filtered(netdev, iob)) {
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
	count_reason(netdev->stats.rx_reasons, rc);
	DBG2("%s: receive failed: %s\n", netdev->name, strerror(rc));
	free_iob(iob);
}

void netdev_link_up(struct net_device *netdev)
{
	if (netdev->link_rc == 0)
		return;
	DBG("%s: link up\n", netdev->name);
	netdev->link_rc = 0;
	netdev_notify(netdev);
}

void netdev_link_down(struct net_device *netdev)
{
	if (netdev->link_rc != 0)
		return;
	DBG("%s: link down\n", netdev->name);
	netdev->link_rc = -ENETDOWN;
	netdev_notify(netdev);
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

void netdev_replace(struct net_device *old, struct net_device *replacement)
{
	old->replacement = replacement->index + 1;
}

struct net_device *netdev_replacement(struct net_device *netdev)
{
	return netdev->replacement ? find_netdev_by_index(netdev->replacement - 1) : NULL;
}

struct net_device *find_netdev_by_index(unsigned index)
{
	struct net_device *netdev;

	for_each_netdev(netdev) {
		if (netdev->index == index)
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
