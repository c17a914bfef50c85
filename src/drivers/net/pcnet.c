/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * AMD PCnet-PCI II (Am79C970A), the chip QEMU's "pcnet" emulates.
 *
 * The chip is put into 32-bit I/O mode (DWIO) and software style 2, so
 * the initialization block and the descriptors carry 32-bit addresses.
 * Rings and initialization block share one coherent DMA area; every
 * receive descriptor always holds a mapped buffer (a received one is
 * swapped for a fresh buffer, or recycled when memory runs out), so the
 * ring never has holes and a full ring recovers as soon as poll() reaps
 * it. Transmit descriptors point at the mapped frames themselves.
 * Interrupts stay disabled (CSR0.INEA is never set); poll() does the work.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/pci_nic.h>
#include <drivers/net/pcnet.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/poll.h>

PROVIDE_OBJECT(pcnet);

#define RX_RING_LOG2 5
#define TX_RING_LOG2 4
#define RX_RING_SIZE (1u << RX_RING_LOG2)
#define TX_RING_SIZE (1u << TX_RING_LOG2)
#define INIT_TIMEOUT_US 100000

/* The device reads structures at 32-bit addresses only. */
#define DMA_LIMIT 0x100000000ULL

struct pcnet_dma_area {
	struct pcnet_rx_desc rx[RX_RING_SIZE];	/* 16-byte aligned */
	struct pcnet_tx_desc tx[TX_RING_SIZE];
	struct pcnet_init_block init;
};

struct pcnet_buffer {
	struct io_buffer *iob;	/* NULL while free */
	struct dma_mapping map;
};

struct pcnet {
	struct pci_device *pci;
	struct net_device *netdev;
	struct pcnet_dma_area *area;
	struct dma_mapping area_map;
	struct pcnet_buffer rx[RX_RING_SIZE];
	struct pcnet_buffer tx[TX_RING_SIZE];
	unsigned rx_next;	/* the next receive descriptor to complete */
	unsigned tx_next;	/* the next transmit descriptor to fill */
	unsigned tx_done;	/* the oldest transmit descriptor in flight */
};

static uint16_t read_csr(struct pcnet *pcnet, unsigned csr)
{
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RAP, csr);
	return (uint16_t)pci_bar_read32(pcnet->pci, PCNET_IO_BAR, PCNET_RDP);
}

static void write_csr(struct pcnet *pcnet, unsigned csr, uint16_t value)
{
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RAP, csr);
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RDP, value);
}

static uint16_t read_bcr(struct pcnet *pcnet, unsigned bcr)
{
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RAP, bcr);
	return (uint16_t)pci_bar_read32(pcnet->pci, PCNET_IO_BAR, PCNET_BDP);
}

static void write_bcr(struct pcnet *pcnet, unsigned bcr, uint16_t value)
{
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RAP, bcr);
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_BDP, value);
}

/*
 * Software reset, in whichever I/O mode an earlier driver left the chip
 * (each read is ignored in the other mode): afterwards it is stopped and
 * does no DMA. A 32-bit write to RDP then selects DWIO mode.
 */
static void reset_chip(struct pcnet *pcnet)
{
	pci_bar_read32(pcnet->pci, PCNET_IO_BAR, PCNET_RESET);
	pci_bar_read16(pcnet->pci, PCNET_IO_BAR, PCNET_WIO_RESET);
	pci_bar_write32(pcnet->pci, PCNET_IO_BAR, PCNET_RDP, 0);
}

static void read_mac(struct pcnet *pcnet, uint8_t *mac)
{
	uint32_t low = pci_bar_read32(pcnet->pci, PCNET_IO_BAR, PCNET_APROM);
	uint32_t high = pci_bar_read32(pcnet->pci, PCNET_IO_BAR, PCNET_APROM + 4);
	unsigned i;

	for (i = 0; i < 4; i++)
		mac[i] = (uint8_t)(low >> (8 * i));
	mac[4] = (uint8_t)high;
	mac[5] = (uint8_t)(high >> 8);
}

static void update_link(struct pcnet *pcnet)
{
	if (read_bcr(pcnet, PCNET_BCR_LNKST) & PCNET_BCR_LNKST_LEDOUT)
		netdev_link_up(pcnet->netdev);
	else
		netdev_link_down(pcnet->netdev);
}

static uint32_t area_address(struct pcnet *pcnet, const void *ptr)
{
	return (uint32_t)(pcnet->area_map.dma_addr +
			  (uint64_t)((const uint8_t *)ptr - (const uint8_t *)pcnet->area));
}

static uint16_t negative_count(size_t len)
{
	return (uint16_t)(PCNET_BCNT_ONES | (-(unsigned)len & PCNET_BCNT_MASK));
}

/* Maps a buffer where the chip can reach it (below 4 GiB). */
static int map_buffer(struct pcnet *pcnet, struct dma_mapping *map, void *addr,
		      size_t len, enum dma_direction direction)
{
	int rc = dma_map(pcnet->pci, map, addr, len, direction);

	if (rc == 0 && map->dma_addr + len > DMA_LIMIT) {
		dma_unmap(pcnet->pci, map);
		rc = -ERANGE;
	}
	return rc;
}

/* Hands receive descriptor i, with its buffer, to the chip. */
static void give_rx(struct pcnet *pcnet, unsigned i)
{
	struct pcnet_rx_desc *desc = &pcnet->area->rx[i];

	desc->address = cpu_to_le32((uint32_t)pcnet->rx[i].map.dma_addr);
	desc->buffer_length = cpu_to_le16(negative_count(NETDEV_RX_BUFFER_LEN));
	desc->msg_length = 0;
	wmb();
	*(volatile uint16_t *)&desc->status = cpu_to_le16(PCNET_DESC_OWN);
}

/* A new mapped receive buffer in buf; -ENOMEM (or a mapping error) if
 * none can be had. */
static int new_rx_buffer(struct pcnet *pcnet, struct pcnet_buffer *buf)
{
	int rc;

	buf->iob = alloc_iob(NETDEV_RX_BUFFER_LEN);
	if (!buf->iob)
		return -ENOMEM;
	rc = map_buffer(pcnet, &buf->map, buf->iob->data, NETDEV_RX_BUFFER_LEN,
			DMA_FROM_DEVICE);
	if (rc != 0) {
		free_iob(buf->iob);
		buf->iob = NULL;
	}
	return rc;
}

static int fill_rx_ring(struct pcnet *pcnet)
{
	unsigned i;
	int rc;

	for (i = 0; i < RX_RING_SIZE; i++) {
		rc = new_rx_buffer(pcnet, &pcnet->rx[i]);
		if (rc != 0)
			return rc;
		give_rx(pcnet, i);
	}
	return 0;
}

/* Passes the frame in descriptor i up if a replacement buffer can be
 * had; otherwise drops it and lets the chip reuse the buffer. */
static void deliver_rx(struct pcnet *pcnet, unsigned i, size_t frame_len)
{
	struct pcnet_buffer *buf = &pcnet->rx[i];
	struct pcnet_buffer fresh;
	struct io_buffer *iob;
	int rc;

	rc = new_rx_buffer(pcnet, &fresh);
	if (rc != 0) {
		netdev_rx_err(pcnet->netdev, NULL, rc);
		give_rx(pcnet, i);
		return;
	}
	iob = buf->iob;
	dma_unmap(pcnet->pci, &buf->map);
	*buf = fresh;
	give_rx(pcnet, i);
	iob_put(iob, frame_len);
	DBG2("pcnet %s: received %u bytes\n", pcnet->netdev->name,
	     (unsigned)frame_len);
	netdev_rx(pcnet->netdev, iob);
}

/* At most one ring's worth per call: a chip that fills descriptors as
 * fast as they are handed back must not keep poll() from returning. */
static void reap_rx(struct pcnet *pcnet)
{
	const uint16_t whole_frame = PCNET_DESC_STP | PCNET_DESC_ENP;
	unsigned reaped;

	for (reaped = 0; reaped < RX_RING_SIZE; reaped++) {
		unsigned i = pcnet->rx_next;
		struct pcnet_rx_desc *desc = &pcnet->area->rx[i];
		uint16_t status = le16_to_cpu(*(volatile uint16_t *)&desc->status);
		size_t len;

		if (status & PCNET_DESC_OWN)
			break;
		/* A full ring made the chip miss frames; it goes on with the
		 * descriptors given back here. */
		if (reaped == RX_RING_SIZE - 1)
			DBG("pcnet %s: receive ring was full\n", pcnet->netdev->name);
		rmb();
		pcnet->rx_next = (i + 1) % RX_RING_SIZE;
		/* The count includes the FCS; a frame always fits one buffer,
		 * so anything spread over several is an error. */
		len = le32_to_cpu(desc->msg_length) & PCNET_MCNT_MASK;
		if ((status & (PCNET_DESC_ERR | whole_frame)) != whole_frame ||
		    len < ETH_HLEN + PCNET_FCS_LEN || len > NETDEV_RX_BUFFER_LEN) {
			DBG("pcnet %s: receive error, status %04x, %u bytes\n",
			    pcnet->netdev->name, status, (unsigned)len);
			netdev_rx_err(pcnet->netdev, NULL, -EIO);
			give_rx(pcnet, i);
			continue;
		}
		deliver_rx(pcnet, i, len - PCNET_FCS_LEN);
	}
}

static void reap_tx(struct pcnet *pcnet)
{
	for (;;) {
		unsigned i = pcnet->tx_done;
		struct pcnet_buffer *buf = &pcnet->tx[i];
		uint16_t status;
		struct io_buffer *iob;

		if (!buf->iob)
			break;
		status = le16_to_cpu(*(volatile uint16_t *)&pcnet->area->tx[i].status);
		if (status & PCNET_DESC_OWN)
			break;
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(pcnet->pci, &buf->map);
		pcnet->tx_done = (i + 1) % TX_RING_SIZE;
		netdev_tx_complete(pcnet->netdev, iob,
				   (status & PCNET_DESC_ERR) ? -EIO : 0);
	}
}

/* Unmaps and forgets every buffer; the chip must be reset already.
 * Transmit buffers belong to the network layer, which completes them. */
static void release_buffers(struct pcnet *pcnet)
{
	unsigned i;

	for (i = 0; i < RX_RING_SIZE; i++) {
		struct pcnet_buffer *buf = &pcnet->rx[i];

		if (buf->iob) {
			dma_unmap(pcnet->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
		}
	}
	for (i = 0; i < TX_RING_SIZE; i++) {
		struct pcnet_buffer *buf = &pcnet->tx[i];

		if (buf->iob) {
			dma_unmap(pcnet->pci, &buf->map);
			buf->iob = NULL;
		}
	}
	if (pcnet->area)
		dma_free(pcnet->pci, &pcnet->area_map, pcnet->area);
	pcnet->area = NULL;
}

static void write_init_block(struct pcnet *pcnet)
{
	struct pcnet_init_block *init = &pcnet->area->init;

	/* Mode 0: unicast to us and broadcast, FCS added on transmit; an
	 * all-ones logical address filter takes every multicast (IPv6
	 * neighbour discovery needs its groups; the stack filters). */
	memset(init, 0, sizeof(*init));
	memset(init->multicast_filter, 0xff, sizeof(init->multicast_filter));
	init->rx_length_log2 = RX_RING_LOG2 << PCNET_RING_LOG2_SHIFT;
	init->tx_length_log2 = TX_RING_LOG2 << PCNET_RING_LOG2_SHIFT;
	memcpy(init->mac, pcnet->netdev->ll_addr, ETH_ALEN);
	init->rx_ring = cpu_to_le32(area_address(pcnet, pcnet->area->rx));
	init->tx_ring = cpu_to_le32(area_address(pcnet, pcnet->area->tx));
	wmb();
}

static bool init_done(void *context)
{
	return read_csr(context, PCNET_CSR0) & PCNET_CSR0_IDON;
}

/* Lets the chip read the initialization block, then starts it. */
static int start_chip(struct pcnet *pcnet)
{
	uint32_t init = area_address(pcnet, &pcnet->area->init);

	write_csr(pcnet, PCNET_CSR_IADR_LOW, (uint16_t)init);
	write_csr(pcnet, PCNET_CSR_IADR_HIGH, (uint16_t)(init >> 16));
	write_csr(pcnet, PCNET_CSR0, PCNET_CSR0_INIT);
	if (poll_until(init_done, pcnet, INIT_TIMEOUT_US) != 0)
		return -ETIMEDOUT;
	write_csr(pcnet, PCNET_CSR0, PCNET_CSR0_IDON | PCNET_CSR0_STRT);
	return 0;
}

static int pcnet_open(struct net_device *netdev)
{
	struct pcnet *pcnet = netdev->priv;
	int rc;

	reset_chip(pcnet);
	write_bcr(pcnet, PCNET_BCR_SWSTYLE, PCNET_SWSTYLE_PCNET_PCI);
	pcnet->area = dma_alloc(pcnet->pci, &pcnet->area_map, sizeof(*pcnet->area));
	if (!pcnet->area)
		return -ENOMEM;
	rc = -ERANGE;
	if (pcnet->area_map.dma_addr + sizeof(*pcnet->area) > DMA_LIMIT)
		goto fail;
	pcnet->rx_next = pcnet->tx_next = pcnet->tx_done = 0;
	rc = fill_rx_ring(pcnet);
	if (rc != 0)
		goto fail;
	write_init_block(pcnet);
	rc = start_chip(pcnet);
	if (rc != 0)
		goto fail;
	update_link(pcnet);
	return 0;

fail:
	DBG("pcnet %s: cannot open: %s\n", netdev->name, strerror(rc));
	reset_chip(pcnet);
	release_buffers(pcnet);
	return rc;
}

static void pcnet_close(struct net_device *netdev)
{
	struct pcnet *pcnet = netdev->priv;

	write_csr(pcnet, PCNET_CSR0, PCNET_CSR0_STOP);
	reset_chip(pcnet);
	release_buffers(pcnet);
}

static int pcnet_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct pcnet *pcnet = netdev->priv;
	unsigned i = pcnet->tx_next;
	struct pcnet_buffer *buf = &pcnet->tx[i];
	struct pcnet_tx_desc *desc = &pcnet->area->tx[i];
	size_t len = iob_len(iob);
	int rc;

	reap_tx(pcnet);
	if (buf->iob)
		return -ENOBUFS;
	if (len == 0 || len > PCNET_BCNT_MASK)
		return -EMSGSIZE;
	rc = map_buffer(pcnet, &buf->map, iob->data, len, DMA_TO_DEVICE);
	if (rc != 0)
		return rc;
	buf->iob = iob;
	desc->address = cpu_to_le32((uint32_t)buf->map.dma_addr);
	desc->length = cpu_to_le16(negative_count(len));
	desc->misc = 0;
	wmb();
	*(volatile uint16_t *)&desc->status =
		cpu_to_le16(PCNET_DESC_OWN | PCNET_DESC_STP | PCNET_DESC_ENP);
	pcnet->tx_next = (i + 1) % TX_RING_SIZE;
	wmb();
	/* Without a demand the chip would find the frame at its next ring
	 * poll only. */
	write_csr(pcnet, PCNET_CSR0, PCNET_CSR0_TDMD);
	return 0;
}

static void pcnet_poll(struct net_device *netdev)
{
	struct pcnet *pcnet = netdev->priv;

	reap_tx(pcnet);
	reap_rx(pcnet);
	update_link(pcnet);
}

static const struct net_device_operations pcnet_operations = {
	.open = pcnet_open,
	.close = pcnet_close,
	.transmit = pcnet_transmit,
	.poll = pcnet_poll,
};

static int pcnet_init(struct pci_device *pci, struct net_device *netdev)
{
	struct pcnet *pcnet = netdev->priv;
	uint16_t csr0;

	pcnet->pci = pci;
	pcnet->netdev = netdev;
	reset_chip(pcnet);
	/* A reset chip is stopped and nothing else; anything else is not a
	 * working PCnet. */
	csr0 = read_csr(pcnet, PCNET_CSR0);
	if (csr0 != PCNET_CSR0_STOP) {
		DBG("pcnet PCI " PCI_FMT ": no response (CSR0 %04x)\n",
		    PCI_ARGS(pci), csr0);
		return -ENODEV;
	}
	read_mac(pcnet, netdev->hw_addr);
	update_link(pcnet);
	pci_nic_dbg_probed(pci, netdev, "%s", pci->id->name);
	return 0;
}

static void pcnet_quiesce(struct net_device *netdev)
{
	reset_chip(netdev->priv);
}

static const struct pci_nic_ops pcnet_nic = {
	.priv_len = sizeof(struct pcnet),
	.op = &pcnet_operations,
	.io_bars = 1u << PCNET_IO_BAR,
	.init = pcnet_init,
	.quiesce = pcnet_quiesce,
};

static const struct pci_device_id pcnet_ids[] = {
	PCI_ID(0x1022, 0x2000, "am79c970a", 0),
};

PCI_DRIVER(pcnet_driver) = {
	.name = "pcnet",
	.ids = pcnet_ids,
	.id_count = ARRAY_SIZE(pcnet_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &pcnet_nic,
};

FEATURE("pcnet");
