#ifndef TESTS_FAKE_BUS_H
#define TESTS_FAKE_BUS_H

/*
 * What a NIC driver sees around it in the driver unit tests and the driver
 * fuzz targets: the DMA half of the bus interface (wireboot/pci.h) and the
 * network-device layer, as fakes with plain names (the driver's own
 * symbols are renamed, see tests/tests.mk). The chip models that include
 * this implement the register half (pci_bar_*) themselves.
 *
 * DMA: every coherent block and streaming mapping is recorded, and the
 * device model reaches memory only through fake_dma_ptr(), which insists
 * on a live region; coherent blocks are heap blocks of exactly the size
 * asked (page aligned), so AddressSanitizer also stops the driver at a
 * byte past them. Bus addresses are the host's 64-bit pointers, so the
 * upper halves matter, unless fake_dma_32bit is set for chips that take
 * 32-bit addresses (then each region gets its own window below 4 GiB).
 *
 * A device access outside every region is reported through
 * FAKE_BUS_FAULT(message), a failed check by default (unit.h); a fuzz
 * target defines it to abort.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

#ifndef FAKE_BUS_FAULT
#define FAKE_BUS_FAULT(message) CHECK(!(message))
#endif

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);

/* ---- DMA --------------------------------------------------------------------- */

#define FAKE_DMA_REGIONS 160
#define FAKE_DMA_WINDOW 0x100000u	/* per region with 32-bit addresses */
#define FAKE_DMA_BASE 0x10000000u

struct fake_dma_region {
	uint8_t *addr;		/* NULL: free slot */
	size_t len;
	uint64_t bus;
	bool coherent;		/* dma_alloc() rather than dma_map() */
};

static struct fake_dma_region fake_dma[FAKE_DMA_REGIONS];
static unsigned live_blocks, live_mappings;
static bool fail_dma_map;	/* dma_map() runs out of mappings */
static bool fake_dma_32bit;
/* What fresh coherent memory holds: the platform zeroes it (EFI); a test
 * may pick something else to show the driver initialises what it uses. */
static uint8_t fake_dma_fill;

static inline struct fake_dma_region *fake_dma_add(void *addr, size_t len,
						   struct dma_mapping *map, bool coherent)
{
	unsigned i;

	for (i = 0; i < FAKE_DMA_REGIONS; i++) {
		struct fake_dma_region *region = &fake_dma[i];

		if (region->addr)
			continue;
		if (fake_dma_32bit && len > FAKE_DMA_WINDOW)
			break;
		region->addr = addr;
		region->len = len;
		region->coherent = coherent;
		region->bus = fake_dma_32bit ? FAKE_DMA_BASE + i * (uint64_t)FAKE_DMA_WINDOW :
					       (uint64_t)(uintptr_t)addr;
		map->dma_addr = region->bus;
		map->token = region;
		map->len = len;
		return region;
	}
	FAKE_BUS_FAULT("out of DMA regions");
	return NULL;
}

/* The host address of len bytes at bus address bus, if all are in one
 * live region. */
static inline void *fake_dma_ptr(uint64_t bus, size_t len)
{
	unsigned i;

	for (i = 0; i < FAKE_DMA_REGIONS; i++) {
		const struct fake_dma_region *region = &fake_dma[i];

		if (region->addr && bus >= region->bus && len <= region->len &&
		    bus - region->bus <= region->len - len)
			return region->addr + (bus - region->bus);
	}
	FAKE_BUS_FAULT("device access outside every DMA region");
	return NULL;
}

void *dma_alloc(struct pci_device *pci, struct dma_mapping *map, size_t len)
{
	void *addr = NULL;

	(void)pci;
	if (posix_memalign(&addr, 4096, len ? len : 1) != 0)
		return NULL;
	memset(addr, fake_dma_fill, len);
	if (!fake_dma_add(addr, len, map, true)) {
		free(addr);
		return NULL;
	}
	live_blocks++;
	return addr;
}

void dma_free(struct pci_device *pci, struct dma_mapping *map, void *addr)
{
	struct fake_dma_region *region = map->token;

	(void)pci;
	if (!region || region->addr != addr || !region->coherent) {
		FAKE_BUS_FAULT("dma_free of a block dma_alloc did not give");
		return;
	}
	region->addr = NULL;
	map->token = NULL;
	free(addr);
	live_blocks--;
}

int dma_map(struct pci_device *pci, struct dma_mapping *map, void *addr,
	    size_t len, enum dma_direction direction)
{
	(void)pci;
	(void)direction;
	if (fail_dma_map || !fake_dma_add(addr, len, map, false))
		return -ENOMEM;
	live_mappings++;
	return 0;
}

void dma_unmap(struct pci_device *pci, struct dma_mapping *map)
{
	struct fake_dma_region *region = map->token;

	(void)pci;
	if (!region || !region->addr || region->coherent) {
		FAKE_BUS_FAULT("dma_unmap of no mapping");
		return;
	}
	region->addr = NULL;
	map->token = NULL;
	live_mappings--;
}

int pci_enable_device(struct pci_device *pci)
{
	(void)pci;
	return 0;
}

void udelay(unsigned long microseconds)
{
	(void)microseconds;
}

/* ---- the network-device layer ------------------------------------------------ */

#define FAKE_RX_KEEP 64

static struct net_device *registered;
/* Frames delivered: the first FAKE_RX_KEEP are kept for the test (unless
 * fake_rx_discard), the last one is copied. */
static struct io_buffer *received[FAKE_RX_KEEP];
static unsigned received_count, rx_errors, tx_completed, tx_failed;
static bool fake_rx_discard;
static uint8_t last_frame[2048];
static size_t last_len;

static void fake_free_netdev(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct net_device, refcnt));
}

struct net_device *alloc_netdev(size_t priv_len)
{
	struct net_device *netdev = calloc(1, sizeof(*netdev) + priv_len);

	ref_init(&netdev->refcnt, fake_free_netdev);
	INIT_LIST_HEAD(&netdev->tx_pending);
	INIT_LIST_HEAD(&netdev->rx_queue);
	netdev->priv = netdev + 1;
	netdev->link_rc = -ENETDOWN;
	netdev->mtu = 1500;
	return netdev;
}

int register_netdev(struct net_device *netdev)
{
	registered = netdev;
	memcpy(netdev->ll_addr, netdev->hw_addr, ETH_ALEN);
	netdev_get(netdev);
	return 0;
}

/* What netdev_close() does after the driver's close: frames the driver
 * still held (transmits queued on tx_pending) are completed as cancelled. */
static inline void fake_netdev_closed(struct net_device *netdev)
{
	struct io_buffer *iob, *next;

	netdev->is_open = false;
	list_for_each_entry_safe(iob, next, &netdev->tx_pending, list)
		netdev_tx_complete(netdev, iob, -ECANCELED);
}

void unregister_netdev(struct net_device *netdev)
{
	if (netdev->is_open) {
		netdev->op->close(netdev);
		fake_netdev_closed(netdev);
	}
	registered = NULL;
	netdev_put(netdev);
}

void netdev_rx(struct net_device *netdev, struct io_buffer *iob)
{
	(void)netdev;
	last_len = iob_len(iob) < sizeof(last_frame) ? iob_len(iob) : sizeof(last_frame);
	memcpy(last_frame, iob->data, last_len);
	if (!fake_rx_discard && received_count < FAKE_RX_KEEP)
		received[received_count] = iob;
	else
		wb_free_iob(iob);
	received_count++;
}

/* Frees the frames kept and starts counting again. */
static inline void drop_received(void)
{
	if (!fake_rx_discard) {
		while (received_count > FAKE_RX_KEEP)
			received_count--;
		while (received_count)
			wb_free_iob(received[--received_count]);
	}
	received_count = 0;
}

void netdev_rx_err(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	(void)netdev;
	(void)rc;
	rx_errors++;
	if (iob)
		wb_free_iob(iob);
}

void netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	(void)netdev;
	list_del(&iob->list);	/* off tx_pending, if it was queued there */
	if (rc == 0)
		tx_completed++;
	else
		tx_failed++;
	wb_free_iob(iob);
}

void netdev_link_up(struct net_device *netdev)
{
	netdev->link_rc = 0;
}

void netdev_link_down(struct net_device *netdev)
{
	netdev->link_rc = -ENETDOWN;
}

const char *eth_ntoa(const uint8_t *ll_addr, char *buf)
{
	(void)ll_addr;
	return strcpy(buf, "mac");
}

#endif
