/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_NETDEV_H
#define WIREBOOT_NETDEV_H

/*
 * Network devices: what a NIC driver (virtio-net, e1000, the firmware's SNP,
 * a Linux TAP device, ...) provides and what the protocol stack uses. The
 * layer between them owns queueing, statistics, link state and the naming
 * (net0, net1, ...), so drivers stay small.
 *
 * Driver contract:
 *   open()      start the hardware; receive buffers posted
 *   close()     stop it: no DMA afterwards; buffers it holds are released
 *               (pending transmits are completed by the layer with -ECANCELED)
 *   transmit()  queue one frame; the driver owns the iob until it calls
 *               netdev_tx_complete()
 *   poll()      reap transmit completions, pass received frames up with
 *               netdev_rx(), update the link with netdev_link_up/down()
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wireboot/ethernet_defs.h>
#include <wireboot/iobuf.h>
#include <wireboot/list.h>
#include <wireboot/refcnt.h>
#include <wireboot/settings.h>
#include <wireboot/tables.h>

/* Receive buffers: a full frame plus room for a VLAN tag and a CRC some
 * NICs leave in place. */
#define NETDEV_RX_BUFFER_LEN 1536

struct net_device;
struct ll_protocol;

struct net_device_operations {
	int (*open)(struct net_device *netdev);
	void (*close)(struct net_device *netdev);
	int (*transmit)(struct net_device *netdev, struct io_buffer *iob);
	void (*poll)(struct net_device *netdev);
};

/* Why transmits or receives failed: the first few distinct errors, each
 * with how often it happened, so that ifstat can say more than a count. */
#define NETDEV_ERROR_REASONS 4
struct netdev_error_reason {
	int rc;			/* 0: an unused entry */
	unsigned count;
};

struct net_device_stats {
	unsigned tx_ok, tx_errors;
	unsigned rx_ok, rx_errors, rx_dropped;
	struct netdev_error_reason tx_reasons[NETDEV_ERROR_REASONS];
	struct netdev_error_reason rx_reasons[NETDEV_ERROR_REASONS];
};

/*
 * Another driver for the same NIC, where the platform has one (under UEFI:
 * the firmware's own, behind its SNP). The health check (core/
 * netdev_health.c) calls hand_over() when a device has been open for a
 * while and seems not to work, with why ("no frame received in 5 s");
 * hand_over() unregisters the device, says on the console what became of
 * it, and marks the device that takes its place (netdev_replace()).
 */
struct netdev_fallback {
	void (*hand_over)(struct netdev_fallback *fallback,
			  struct net_device *netdev, const char *reason);
};

struct net_device {
	struct refcnt refcnt;
	struct list_head list;		/* in the list of registered devices */
	char name[12];			/* "net0" */
	unsigned index;
	const struct net_device_operations *op;
	const char *driver_name;	/* "virtio-net", "snp", ... */
	/* The link layer (Ethernet unless something else set it). */
	const struct ll_protocol *ll_protocol;
	char location[32];		/* "PCI 00:03.0" or "tap0" */
	uint8_t ll_addr[ETH_ALEN];	/* current MAC address */
	uint8_t hw_addr[ETH_ALEN];	/* the NIC's own MAC address */
	size_t mtu;			/* payload bytes, 1500 for Ethernet */
	bool is_open;
	int link_rc;			/* 0 when the link is up */
	struct list_head tx_pending;	/* given to the driver, not completed */
	struct list_head rx_queue;	/* received, not yet processed */
	unsigned rx_queued;		/* frames in rx_queue */
	struct net_device_stats stats;
	struct settings settings;	/* "net0/..." */
	void *priv;			/* the driver's, allocated with us */
	void *state;			/* the net drivers' (see below) */
	struct netdev_fallback *fallback;	/* NULL: none */
	unsigned replacement;		/* index + 1 of the device that took
					 * this one's place; 0: none */
};

/* Allocates a device with priv_len bytes of zeroed driver data. */
struct net_device *alloc_netdev(size_t priv_len);
/* Names it (netN), makes it visible; the list holds a reference. */
int register_netdev(struct net_device *netdev);
/* Closes it if open, removes it from the list and drops that reference. */
void unregister_netdev(struct net_device *netdev);
static inline void netdev_get(struct net_device *netdev) { ref_get(&netdev->refcnt); }
static inline void netdev_put(struct net_device *netdev) { ref_put(&netdev->refcnt); }

int netdev_open(struct net_device *netdev);
void netdev_close(struct net_device *netdev);

/* Sends a complete link-layer frame; takes ownership of iob. */
int netdev_tx(struct net_device *netdev, struct io_buffer *iob);
/* Driver: the hardware is done with iob (rc 0 or an error). */
void netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc);
/* Driver: a frame arrived. Takes ownership of iob. */
void netdev_rx(struct net_device *netdev, struct io_buffer *iob);
/* Driver (or the link layer): a receive failed (iob may be NULL). */
void netdev_rx_err(struct net_device *netdev, struct io_buffer *iob, int rc);
/* Driver of a device stacked on another (a VLAN): iob leaves this
 * device, counted as sent, for the lower device to transmit. */
void netdev_tx_handover(struct net_device *netdev, struct io_buffer *iob);
/* Consumer (the stack, an SNP export): the oldest received frame, or NULL;
 * peek leaves it queued, dequeue takes it (and ownership). */
static inline struct io_buffer *netdev_rx_peek(struct net_device *netdev)
{
	return list_first_entry(&netdev->rx_queue, struct io_buffer, list);
}
struct io_buffer *netdev_rx_dequeue(struct net_device *netdev);
/* Whoever runs something on a device that went away (DHCP) finds where to
 * run it again: the device that took its place, or NULL. */
void netdev_replace(struct net_device *old, struct net_device *replacement);
struct net_device *netdev_replacement(struct net_device *netdev);

/*
 * A look at every received frame before it is queued: drop() returning
 * true discards it (counted as dropped, not received). Only fault
 * injection for tests plugs in here (core/netdev_fault_rx.c).
 */
struct netdev_rx_filter {
	bool (*drop)(struct net_device *netdev, struct io_buffer *iob);
};
TABLE_DECLARE(const struct netdev_rx_filter, netdev_rx_filters);
#define NETDEV_RX_FILTER(name) \
	const struct netdev_rx_filter name TABLE_ENTRY(const struct netdev_rx_filter, netdev_rx_filters, 01)

void netdev_link_up(struct net_device *netdev);
void netdev_link_down(struct net_device *netdev);

static inline bool netdev_link_ok(const struct net_device *netdev)
{
	return netdev->link_rc == 0;
}

/*
 * Per-device protocol state. Whoever keeps state for each device (ARP's
 * neighbour cache, the IPv4 configuration, DHCP's settings) registers a
 * net driver: its priv_len bytes are allocated with every device (zeroed),
 * probe() runs when a device registers, notify() after it opens, closes or
 * its link changes, remove() before it goes away. There is no list of
 * devices to search and nothing to free separately.
 */
struct net_driver {
	const char *name;
	size_t priv_len;
	int (*probe)(struct net_device *netdev, void *priv);
	void (*notify)(struct net_device *netdev, void *priv);
	void (*remove)(struct net_device *netdev, void *priv);
};
TABLE_DECLARE(const struct net_driver, net_drivers);
#define NET_DRIVER(name) \
	const struct net_driver name TABLE_ENTRY(const struct net_driver, net_drivers, 01)

/* The state of driver kept for netdev. */
void *netdev_priv(struct net_device *netdev, const struct net_driver *driver);

struct net_device *find_netdev(const char *name);
/* By index (net0 is 0), or NULL. */
struct net_device *find_netdev_by_index(unsigned index);
struct net_device *last_opened_netdev(void);
extern struct list_head net_devices;
#define for_each_netdev(netdev) \
	list_for_each_entry(netdev, &net_devices, list)

/* "52:54:00:12:34:56" (buffer of at least 18 bytes). */
const char *eth_ntoa(const uint8_t *ll_addr, char *buf);

#endif
