#ifndef TESTS_UNIT_FAKE_NIC_H
#define TESTS_UNIT_FAKE_NIC_H

/*
 * What the NIC driver tests share: fakes of the layers a driver sits
 * between, so that a test links one driver (and src/core/iobuf.c,
 * src/core/poll.c) and models one chip. Included once by a test program:
 * it defines the fakes (plain names; the firmware objects' own symbols
 * are renamed wb_*, see tests/tests.mk).
 *
 *  - DMA: every coherent block and streaming mapping is recorded; a chip
 *    model reaches memory only through fake_dma_ptr(), which fails the
 *    test for an address outside every live mapping. Blocks are fresh heap
 *    allocations filled with junk (a driver must not rely on zeros). Bus
 *    addresses are the host's pointers, whose upper halves matter, unless
 *    the test sets fake_dma_base: then each mapping gets a slot of its own
 *    in a 32-bit bus space from there, for chips with 32-bit DMA.
 *  - Time: udelay() advances a fake monotonic clock, so waits time out
 *    at once and deterministically.
 *  - The network-device layer: the registered device, received frames
 *    (the first FAKE_RX_HELD kept for the test, all counted, the last one
 *    copied), receive errors and transmit completions.
 *
 * The test provides the chip: the pci_bar_*() accessors its driver uses,
 * and pci_bar_is_io().
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

/* The fakes implement interfaces whose arguments they mostly ignore. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

struct io_buffer *wb_alloc_iob(size_t len);
void wb_free_iob(struct io_buffer *iob);

/* ---- time ---------------------------------------------------------------- */

static uint64_t fake_now_us;

void udelay(unsigned long microseconds)
{
	fake_now_us += microseconds;
}

uint64_t monotonic_us(void)
{
	return fake_now_us;
}

/* ---- DMA ----------------------------------------------------------------- */

#define FAKE_MAPPINGS 256
#define FAKE_DMA_SLOT 0x100000u		/* bus space per mapping, base mode */

struct fake_mapping {
	uint8_t *addr;		/* NULL while the slot is free */
	size_t len;
	uint64_t bus;
};

static struct fake_mapping fake_mappings[FAKE_MAPPINGS];
static uint64_t fake_dma_base;
static unsigned live_blocks, live_mappings;
static bool fail_dma_map;

static void fake_dma_add(void *addr, size_t len, struct dma_mapping *map)
{
	unsigned i;

	for (i = 0; i < FAKE_MAPPINGS; i++) {
		struct fake_mapping *m = &fake_mappings[i];

		if (m->addr)
			continue;
		m->addr = addr;
		m->len = len;
		m->bus = fake_dma_base ? fake_dma_base + (uint64_t)i * FAKE_DMA_SLOT :
					 (uint64_t)(uintptr_t)addr;
		map->dma_addr = m->bus;
		map->token = m;
		map->len = len;
		return;
	}
	CHECK(!"out of mapping slots");
}

static void fake_dma_remove(struct dma_mapping *map)
{
	CHECK(map->token != NULL);
	if (map->token)
		((struct fake_mapping *)map->token)->addr = NULL;
	map->token = NULL;
}

/* What the device sees at bus address bus, if len bytes there are mapped. */
static __attribute__((unused)) void *fake_dma_ptr(uint64_t bus, size_t len)
{
	unsigned i;

	for (i = 0; i < FAKE_MAPPINGS; i++) {
		struct fake_mapping *m = &fake_mappings[i];

		if (m->addr && bus >= m->bus && bus + len <= m->bus + m->len)
			return m->addr + (bus - m->bus);
	}
	CHECK(!"device access outside every DMA mapping");
	return NULL;
}

void *dma_alloc(struct pci_device *pci, struct dma_mapping *map, size_t len)
{
	size_t rounded = (len + 4095) & ~(size_t)4095;
	void *addr = aligned_alloc(4096, rounded);

	memset(addr, 0x5a, rounded);
	fake_dma_add(addr, len, map);
	live_blocks++;
	return addr;
}

void dma_free(struct pci_device *pci, struct dma_mapping *map, void *addr)
{
	CHECK(map->token && ((struct fake_mapping *)map->token)->addr == addr);
	fake_dma_remove(map);
	free(addr);
	live_blocks--;
}

int dma_map(struct pci_device *pci, struct dma_mapping *map, void *addr,
	    size_t len, enum dma_direction direction)
{
	if (fail_dma_map)
		return -ENOMEM;
	fake_dma_add(addr, len, map);
	live_mappings++;
	return 0;
}

void dma_unmap(struct pci_device *pci, struct dma_mapping *map)
{
	fake_dma_remove(map);
	live_mappings--;
}

int pci_enable_device(struct pci_device *pci)
{
	return 0;
}

/* ---- the network-device layer ------------------------------------------- */

#define FAKE_RX_HELD 64

static struct net_device *registered;
static struct io_buffer *received[FAKE_RX_HELD];
static unsigned received_count;		/* held in received[] */
static unsigned received_total;		/* ever */
static uint8_t last_frame[NETDEV_RX_BUFFER_LEN];
static size_t last_len;
static unsigned rx_errors, tx_completed, tx_failed;
/* Called after every frame passed up: a chip model acting while the
 * driver is inside poll(). */
static void (*fake_rx_hook)(void);

static void free_netdev(struct refcnt *refcnt)
{
	free(container_of(refcnt, struct net_device, refcnt));
}

struct net_device *alloc_netdev(size_t priv_len)
{
	struct net_device *netdev = calloc(1, sizeof(*netdev) + priv_len);

	ref_init(&netdev->refcnt, free_netdev);
	netdev->priv = netdev + 1;
	netdev->link_rc = -ENETDOWN;
	netdev->mtu = ETH_DATA_LEN;
	return netdev;
}

static int fake_register_rc;	/* what register_netdev() fails with */

int register_netdev(struct net_device *netdev)
{
	if (fake_register_rc)
		return fake_register_rc;
	registered = netdev;
	memcpy(netdev->ll_addr, netdev->hw_addr, ETH_ALEN);
	netdev_get(netdev);
	return 0;
}

void unregister_netdev(struct net_device *netdev)
{
	if (netdev->is_open)
		netdev->op->close(netdev);
	registered = NULL;
	netdev_put(netdev);
}

void netdev_rx(struct net_device *netdev, struct io_buffer *iob)
{
	received_total++;
	last_len = iob_len(iob);
	CHECK(last_len <= sizeof(last_frame));
	if (last_len <= sizeof(last_frame))
		memcpy(last_frame, iob->data, last_len);
	if (received_count < FAKE_RX_HELD)
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

static void drop_received(void)
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
