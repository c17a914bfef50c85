/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_UNIT_FAKE_NIC_H
#define TESTS_UNIT_FAKE_NIC_H

/*
 * What a NIC driver sees around it, for the driver unit tests and the
 * driver fuzz targets (tests/fuzz/nic_fuzz.h): fakes of the layers a
 * driver sits between, so that a program links one driver (and
 * src/core/iobuf.c, src/core/poll.c) and models one chip. Included once
 * by a program: it defines the fakes with plain names (the firmware
 * objects' own symbols are renamed wb_*, see tests/tests.mk). The program
 * provides the chip: the pci_bar_*() accessors its driver uses (and
 * pci_bar_is_io() or configuration space, if the driver asks).
 *
 *  - DMA, the half of wireboot/pci.h a driver uses for memory: every
 *    coherent block and streaming mapping is recorded, and a chip model
 *    reaches memory only through fake_dma_ptr(), which insists on a live
 *    region. Coherent blocks are page-aligned heap blocks of exactly the
 *    size asked, so AddressSanitizer also stops a driver at the byte past
 *    one, and they are filled with fake_dma_fill (junk unless the program
 *    picks otherwise: a driver must initialise what it uses). Bus
 *    addresses are the host's pointers, whose upper halves matter, unless
 *    fake_dma_32bit is set for chips with 32-bit DMA: then each region
 *    gets a window of its own below 4 GiB. fail_dma_map makes dma_map()
 *    run out of mappings.
 *  - Time: udelay() advances a fake monotonic clock, so waits end at once
 *    and deterministically; each look at the clock may advance it as well
 *    (fake_clock_tick_us), for drivers that wait by the clock alone.
 *  - The network-device layer: the registered device, received frames
 *    (the first FAKE_RX_HELD kept for the program unless fake_rx_discard,
 *    all counted, the last one copied), receive errors and transmit
 *    completions; closing completes what the driver still held.
 *
 * What the device or driver does wrong (an access outside every region, a
 * region freed twice, a frame longer than a receive buffer) is reported
 * through FAKE_BUS_FAULT(message): a failed check by default (unit.h); a
 * fuzz target defines it, before including this, to abort.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/timer.h>

#ifndef FAKE_BUS_FAULT
#define FAKE_BUS_FAULT(message) CHECK(!(message))
#endif

/* The fakes implement interfaces whose arguments they mostly ignore. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);

/* ---- time ---------------------------------------------------------------- */

static uint64_t fake_now_us;
/* How far each monotonic_us() call moves the clock on: none in the unit
 * tests (time moves only by udelay() and the test); a fuzz target sets it
 * so that every timeout of a driver's expires. */
static uint64_t fake_clock_tick_us;

void udelay(unsigned long microseconds)
{
	fake_now_us += microseconds;
}

uint64_t monotonic_us(void)
{
	fake_now_us += fake_clock_tick_us;
	return fake_now_us;
}

/* ---- DMA ----------------------------------------------------------------- */

#define FAKE_DMA_REGIONS 256
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
/* What fresh coherent memory holds. */
static uint8_t fake_dma_fill = 0x5a;

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
	if (fail_dma_map || !fake_dma_add(addr, len, map, false))
		return -ENOMEM;
	live_mappings++;
	return 0;
}

void dma_unmap(struct pci_device *pci, struct dma_mapping *map)
{
	struct fake_dma_region *region = map->token;

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
	return 0;
}

/* ---- the network-device layer ------------------------------------------- */

/* A ring's worth of the largest receive ring (eepro100's 128). */
#define FAKE_RX_HELD 128

static struct net_device *registered;
static struct io_buffer *received[FAKE_RX_HELD];
static unsigned received_count;		/* held in received[] */
static unsigned received_total;		/* ever */
static bool fake_rx_discard;		/* free every frame at once */
/* The longest frame a driver may pass up: its receive buffers' size (a
 * program whose driver has larger buffers says so). */
static size_t fake_rx_max_frame = NETDEV_RX_BUFFER_LEN;
static uint8_t last_frame[2048];	/* its first bytes, if longer */
static size_t last_len;
static unsigned rx_errors, tx_completed, tx_failed;
/* Called after every frame passed up: a chip model acting while the
 * driver is inside poll(). */
static void (*fake_rx_hook)(void);
static int fake_register_rc;	/* what register_netdev() fails with */

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
	netdev->mtu = ETH_DATA_LEN;
	return netdev;
}

int register_netdev(struct net_device *netdev)
{
	if (fake_register_rc)
		return fake_register_rc;
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
	size_t len = iob_len(iob);

	received_total++;
	last_len = len;
	if (len > fake_rx_max_frame)
		FAKE_BUS_FAULT("a frame longer than any the device can receive");
	memcpy(last_frame, iob->data, len < sizeof(last_frame) ? len : sizeof(last_frame));
	if (!fake_rx_discard && received_count < FAKE_RX_HELD)
		received[received_count++] = iob;
	else
		wb_free_iob(iob);
	if (fake_rx_hook)
		fake_rx_hook();
}

void netdev_rx_err(struct net_device *netdev, struct io_buffer *iob, int rc)
{
	rx_errors++;
	if (iob)
		wb_free_iob(iob);
}

void netdev_tx_complete(struct net_device *netdev, struct io_buffer *iob, int rc)
{
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
	return strcpy(buf, "mac");
}

/* ---- for the tests ------------------------------------------------------- */

/* Frees the frames held. */
static inline void drop_received(void)
{
	while (received_count)
		wb_free_iob(received[--received_count]);
}

/* A frame's bytes, different for each seed. */
static __attribute__((unused)) void make_frame(uint8_t *frame, size_t len, unsigned seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		frame[i] = (uint8_t)(seed * 13 + i * 7);
}

/* ---- receive tests any chip model can run ---------------------------- */

/*
 * model->receive(len) stores the next frame of the model's sequence in
 * the chip's next receive descriptor, its first byte the frame's number
 * (*model->seq, which it then increments); false when the chip has
 * nowhere to put it.
 */
struct fake_rx_model {
	bool (*receive)(size_t len);
	unsigned *seq;
	unsigned ring_size;
};

/* How far the refilling chip goes: several rings' worth. */
#define FAKE_FLOOD_RINGS 8

static const struct fake_rx_model *fake_flooding;
static unsigned fake_flooded;

static void fake_flood(void)
{
	while (fake_flooded < FAKE_FLOOD_RINGS * fake_flooding->ring_size &&
	       fake_flooding->receive(ETH_ZLEN))
		fake_flooded++;
}

/* The held frames are numbers first, first + 1, ...; drops them and
 * returns the number expected next. */
static unsigned fake_check_sequence(unsigned first)
{
	unsigned i;

	for (i = 0; i < received_count; i++)
		CHECK_INT(((uint8_t *)received[i]->data)[0], (uint8_t)(first + i));
	first += received_count;
	drop_received();
	return first;
}

/* Frames of every length, one per poll, around the ring a few times. */
static __attribute__((unused)) void
fake_test_receive_stream(struct net_device *netdev,
			 const struct fake_rx_model *model)
{
	unsigned n, errors = rx_errors;

	for (n = 0; n < 3 * model->ring_size; n++) {
		size_t len = ETH_ZLEN + n % (ETH_FRAME_LEN - ETH_ZLEN + 1);

		CHECK(model->receive(len));
		netdev->op->poll(netdev);
		CHECK_INT(received_count, 1);
		if (received_count != 1)
			return;
		CHECK_INT(iob_len(received[0]), len);
		CHECK_INT(((uint8_t *)received[0]->data)[0], (uint8_t)(*model->seq - 1));
		drop_received();
	}
	CHECK_INT(rx_errors, errors);
}

/*
 * A chip that refills every receive descriptor the moment the driver
 * hands it back (model->receive() runs again after every frame passed
 * up, and between polls): each poll must still return after one ring's worth, the frames in
 * order, and the next poll go on where it stopped.
 */
static __attribute__((unused)) void
fake_test_refilling_chip(struct net_device *netdev,
			 const struct fake_rx_model *model)
{
	unsigned limit = FAKE_FLOOD_RINGS * model->ring_size;
	unsigned next = *model->seq, polls = 0, errors = rx_errors;

	while (model->receive(ETH_ZLEN))
		;
	fake_flooding = model;
	fake_flooded = 0;
	fake_rx_hook = fake_flood;
	while (fake_flooded < limit && polls++ < 4 * limit) {
		fake_flood();	/* between polls too */
		netdev->op->poll(netdev);
		CHECK(received_count > 0 && received_count <= model->ring_size);
		next = fake_check_sequence(next);
	}
	fake_rx_hook = NULL;
	CHECK(polls >= FAKE_FLOOD_RINGS);
	/* What is left arrives too, and the ring still works. */
	netdev->op->poll(netdev);
	next = fake_check_sequence(next);
	CHECK_INT(next, *model->seq);
	CHECK(model->receive(80));
	netdev->op->poll(netdev);
	CHECK_INT(fake_check_sequence(next), next + 1);
	CHECK_INT(rx_errors, errors);
}

/* Probes pci (its driver set) and checks what it registered: the device
 * is pci's, with the address the chip holds (mac). The device, or NULL
 * (a failed check). */
static __attribute__((unused)) struct net_device *
fake_probe(struct pci_device *pci, const uint8_t *mac)
{
	CHECK_INT(pci->driver->probe(pci), 0);
	CHECK(registered != NULL);
	if (!registered)
		return NULL;
	CHECK(pci->priv == registered);
	CHECK(memcmp(registered->hw_addr, mac, ETH_ALEN) == 0);
	return registered;
}

#endif
