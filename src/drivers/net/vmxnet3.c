/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * VMware vmxnet3, the paravirtual NIC of VMware products and QEMU's
 * "vmxnet3" device.
 *
 * One transmit queue and one receive queue. Everything the device reads or
 * writes besides packet data lives in one coherent DMA block: the shared
 * area, the queue table and the rings. A frame takes one transmit
 * descriptor, and one receive buffer holds a whole frame, so only receive
 * ring 0 gets buffers; ring 1 (for the bodies of frames split over several
 * buffers) exists because every receive queue has two, and stays empty.
 * Interrupts are masked: poll() reaps both completion rings, and link
 * changes arrive as events in the shared area.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <drivers/net/pci_nic.h>
#include <drivers/net/vmxnet3.h>
#include <wireboot/byteorder.h>
#include <wireboot/compiler.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

PROVIDE_OBJECT(vmxnet3);

#define TX_RING_SIZE 32
/* Room for a whole TCP window of full frames (64 KiB, 45 of them): QEMU's
 * device drops what finds no buffer, and QEMU's user-mode TCP recovers
 * from two lost segments in a row only by a retransmission timeout (a
 * stall of 1.5 s seen in an 8 MiB download with 32 buffers). */
#define RX_RING_SIZE 64
/* Completion rings have room for every buffer their rings can hold. */
#define RX_COMP_RING_SIZE (2 * RX_RING_SIZE)

_Static_assert(TX_RING_SIZE % VMXNET3_RING_SIZE_MULTIPLE == 0, "tx ring size");
_Static_assert(RX_RING_SIZE % VMXNET3_RING_SIZE_MULTIPLE == 0, "rx ring size");
_Static_assert(NETDEV_RX_BUFFER_LEN <= VMXNET3_MAX_BUFFER_LEN, "rx buffer");

/* Only reported to the device (VMware shows it in its statistics). */
#define DRIVER_VERSION 0x00010000

#define ring_aligned __attribute__((aligned(VMXNET3_RING_ALIGN)))

/* The block shared with the device (dma_alloc gives whole pages, so the
 * alignments hold for device addresses too). */
struct vmxnet3_dma {
	struct vmxnet3_shared shared;
	struct vmxnet3_tx_queue_desc tx_queue
		__attribute__((aligned(VMXNET3_QUEUE_DESC_ALIGN)));
	struct vmxnet3_rx_queue_desc rx_queue;	/* right after: one table */
	struct vmxnet3_tx_desc tx_ring[TX_RING_SIZE] ring_aligned;
	struct vmxnet3_tx_comp tx_comp_ring[TX_RING_SIZE] ring_aligned;
	struct vmxnet3_rx_desc rx_ring[RX_RING_SIZE] ring_aligned;
	struct vmxnet3_rx_desc rx_body_ring[RX_RING_SIZE] ring_aligned;
	struct vmxnet3_rx_comp rx_comp_ring[RX_COMP_RING_SIZE] ring_aligned;
};
_Static_assert(offsetof(struct vmxnet3_dma, rx_queue) ==
	       offsetof(struct vmxnet3_dma, tx_queue) +
	       sizeof(struct vmxnet3_tx_queue_desc), "queue table");

/* Where the driver is in a ring, and the generation entries carry there. */
struct ring_pos {
	unsigned index;
	uint32_t gen;
};

struct vmxnet3_buffer {
	struct io_buffer *iob;	/* NULL while the slot is free */
	struct dma_mapping map;
};

struct vmxnet3 {
	struct pci_device *pci;
	struct net_device *netdev;
	struct vmxnet3_dma *dma;	/* NULL while closed */
	struct dma_mapping dma_map;
	bool active;			/* activated, not reset since */
	struct ring_pos tx_fill, tx_done, rx_fill, rx_done;
	struct vmxnet3_buffer tx_buffers[TX_RING_SIZE];
	struct vmxnet3_buffer rx_buffers[RX_RING_SIZE];
};

static void ring_advance(struct ring_pos *pos, unsigned size)
{
	if (++pos->index == size) {
		pos->index = 0;
		pos->gen ^= 1;
	}
}

static uint32_t vd_read(struct vmxnet3 *vmx, unsigned reg)
{
	return pci_bar_read32(vmx->pci, VMXNET3_VD_BAR, reg);
}

static void vd_write(struct vmxnet3 *vmx, unsigned reg, uint32_t value)
{
	pci_bar_write32(vmx->pci, VMXNET3_VD_BAR, reg, value);
}

static void pt_write(struct vmxnet3 *vmx, unsigned reg, uint32_t value)
{
	pci_bar_write32(vmx->pci, VMXNET3_PT_BAR, reg, value);
}

/* Runs a command and returns the result the device leaves behind. */
static uint32_t command(struct vmxnet3 *vmx, uint32_t cmd)
{
	vd_write(vmx, VMXNET3_REG_CMD, cmd);
	return vd_read(vmx, VMXNET3_REG_CMD);
}

/* A word the device writes behind the compiler's back. */
static uint32_t device_word(const uint32_t *word)
{
	return le32_to_cpu(*(const volatile uint32_t *)word);
}

static uint64_t dma_address(struct vmxnet3 *vmx, const void *ptr)
{
	return vmx->dma_map.dma_addr +
	       (uint64_t)((const uint8_t *)ptr - (const uint8_t *)vmx->dma);
}

static void update_link(struct vmxnet3 *vmx)
{
	if (command(vmx, VMXNET3_CMD_GET_LINK) & VMXNET3_LINK_UP)
		netdev_link_up(vmx->netdev);
	else
		netdev_link_down(vmx->netdev);
}

static void read_mac(struct vmxnet3 *vmx, uint8_t *mac)
{
	uint32_t low = vd_read(vmx, VMXNET3_REG_MACL);
	uint32_t high = vd_read(vmx, VMXNET3_REG_MACH);
	unsigned i;

	for (i = 0; i < 4; i++)
		mac[i] = (uint8_t)(low >> (8 * i));
	mac[4] = (uint8_t)high;
	mac[5] = (uint8_t)(high >> 8);
}

static void write_mac(struct vmxnet3 *vmx, const uint8_t *mac)
{
	vd_write(vmx, VMXNET3_REG_MACL, (uint32_t)mac[0] | (uint32_t)mac[1] << 8 |
		 (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24);
	vd_write(vmx, VMXNET3_REG_MACH, (uint32_t)mac[4] | (uint32_t)mac[5] << 8);
}

/* Picks the device revision and UPT version this driver speaks. */
static int select_revision(struct vmxnet3 *vmx)
{
	uint32_t revisions = vd_read(vmx, VMXNET3_REG_VRRS);
	uint32_t upt_versions = vd_read(vmx, VMXNET3_REG_UVRS);

	if (!(revisions & VMXNET3_REVISION_1) ||
	    !(upt_versions & VMXNET3_UPT_VERSION_1)) {
		DBG("vmxnet3 PCI " PCI_FMT ": unsupported revisions %#x, UPT %#x\n",
		    PCI_ARGS(vmx->pci), revisions, upt_versions);
		return -ENOTSUP;
	}
	vd_write(vmx, VMXNET3_REG_VRRS, VMXNET3_REVISION_1);
	vd_write(vmx, VMXNET3_REG_UVRS, VMXNET3_UPT_VERSION_1);
	return 0;
}

/* Fills the shared area and the queue table for a fresh start. */
static void fill_shared_area(struct vmxnet3 *vmx)
{
	struct vmxnet3_dma *dma = vmx->dma;
	struct vmxnet3_shared *shared = &dma->shared;
	struct vmxnet3_misc_config *misc = &shared->misc;
	struct vmxnet3_tx_queue_desc *txq = &dma->tx_queue;
	struct vmxnet3_rx_queue_desc *rxq = &dma->rx_queue;

	memset(dma, 0, sizeof(*dma));
	shared->magic = cpu_to_le32(VMXNET3_SHARED_MAGIC);
	misc->driver_version = cpu_to_le32(DRIVER_VERSION);
	misc->guest_os = cpu_to_le32(VMXNET3_GOS_BITS_64 |
				     VMXNET3_GOS_TYPE_LINUX << VMXNET3_GOS_TYPE_SHIFT);
	misc->revisions = cpu_to_le32(VMXNET3_REVISION_1);
	misc->upt_versions = cpu_to_le32(VMXNET3_UPT_VERSION_1);
	misc->queue_table_address = cpu_to_le64(dma_address(vmx, txq));
	misc->queue_table_len = cpu_to_le32(sizeof(*txq) + sizeof(*rxq));
	misc->mtu = cpu_to_le32((uint32_t)vmx->netdev->mtu);
	misc->max_rx_fragments = cpu_to_le16(1);
	misc->tx_queues = 1;
	misc->rx_queues = 1;
	/* One (INTx) vector for everything, and it stays off. */
	shared->interrupts.count = 1;
	shared->interrupts.control = cpu_to_le32(VMXNET3_INTR_DISABLE_ALL);
	shared->rx_filter.mode = cpu_to_le32(VMXNET3_RXM_UCAST | VMXNET3_RXM_BCAST |
					     VMXNET3_RXM_ALL_MULTI);
	/* VLAN 0 is how the filter lets untagged frames through. */
	shared->rx_filter.vlan_table[0] = cpu_to_le32(1);

	txq->ring_address = cpu_to_le64(dma_address(vmx, dma->tx_ring));
	txq->comp_ring_address = cpu_to_le64(dma_address(vmx, dma->tx_comp_ring));
	txq->ring_size = cpu_to_le32(TX_RING_SIZE);
	txq->comp_ring_size = cpu_to_le32(TX_RING_SIZE);

	rxq->ring_address[0] = cpu_to_le64(dma_address(vmx, dma->rx_ring));
	rxq->ring_address[1] = cpu_to_le64(dma_address(vmx, dma->rx_body_ring));
	rxq->comp_ring_address = cpu_to_le64(dma_address(vmx, dma->rx_comp_ring));
	rxq->ring_size[0] = cpu_to_le32(RX_RING_SIZE);
	rxq->ring_size[1] = cpu_to_le32(RX_RING_SIZE);
	rxq->comp_ring_size = cpu_to_le32(RX_COMP_RING_SIZE);
}

/* Posts receive buffers into free slots of ring 0, in ring order; stops
 * quietly when memory runs out (the next poll tries again). Returns
 * whether it posted any. */
static bool refill_rx(struct vmxnet3 *vmx)
{
	bool posted = false;

	while (!vmx->rx_buffers[vmx->rx_fill.index].iob) {
		struct vmxnet3_buffer *buf = &vmx->rx_buffers[vmx->rx_fill.index];
		struct vmxnet3_rx_desc *desc = &vmx->dma->rx_ring[vmx->rx_fill.index];
		struct io_buffer *iob = alloc_iob(NETDEV_RX_BUFFER_LEN);

		if (!iob)
			break;
		if (dma_map(vmx->pci, &buf->map, iob->data, NETDEV_RX_BUFFER_LEN,
			    DMA_FROM_DEVICE) != 0) {
			free_iob(iob);
			break;
		}
		buf->iob = iob;
		desc->address = cpu_to_le64(buf->map.dma_addr);
		/* The generation hands the descriptor over: write it last. */
		wmb();
		desc->len_gen = cpu_to_le32(NETDEV_RX_BUFFER_LEN |
					    vmx->rx_fill.gen << VMXNET3_RXD_GEN_SHIFT);
		ring_advance(&vmx->rx_fill, RX_RING_SIZE);
		posted = true;
	}
	return posted;
}

/* Tells the device of fresh receive buffers, if it asks to be told: it
 * sets the queue's update_producer flag itself when it wants RXPROD
 * written (QEMU's does not, and there the write is a costly exit to the
 * device model per frame, which the generation bits make redundant). */
static void rx_doorbell(struct vmxnet3 *vmx)
{
	wmb();
	if (*(volatile uint8_t *)&vmx->dma->rx_queue.update_producer)
		pt_write(vmx, VMXNET3_REG_RXPROD, vmx->rx_fill.index);
}

/* Unmaps and forgets every buffer; the device must be reset already.
 * Receive buffers are freed. Transmit buffers are completed with an error
 * if complete_tx, or else left to the network layer (on close). */
static void release_buffers(struct vmxnet3 *vmx, bool complete_tx)
{
	unsigned i;

	for (i = 0; i < RX_RING_SIZE; i++) {
		struct vmxnet3_buffer *buf = &vmx->rx_buffers[i];

		if (buf->iob) {
			dma_unmap(vmx->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
		}
	}
	for (i = 0; i < TX_RING_SIZE; i++) {
		struct vmxnet3_buffer *buf = &vmx->tx_buffers[i];

		if (buf->iob) {
			dma_unmap(vmx->pci, &buf->map);
			if (complete_tx)
				netdev_tx_complete(vmx->netdev, buf->iob, -EIO);
			buf->iob = NULL;
		}
	}
}

/* After this the device touches none of our memory. */
static void stop_device(struct vmxnet3 *vmx)
{
	vd_write(vmx, VMXNET3_REG_CMD, VMXNET3_CMD_QUIESCE_DEV);
	vd_write(vmx, VMXNET3_REG_CMD, VMXNET3_CMD_RESET_DEV);
	vmx->active = false;
}

/* Describes fresh rings to the device, posts receive buffers and
 * activates it. On failure the device is stopped and no buffer held. */
static int start_device(struct vmxnet3 *vmx)
{
	uint64_t shared = dma_address(vmx, &vmx->dma->shared);
	const struct ring_pos start = { 0, VMXNET3_INITIAL_GEN };
	uint32_t status;

	fill_shared_area(vmx);
	vmx->tx_fill = vmx->tx_done = vmx->rx_fill = vmx->rx_done = start;
	refill_rx(vmx);
	wmb();
	vd_write(vmx, VMXNET3_REG_DSAL, (uint32_t)shared);
	vd_write(vmx, VMXNET3_REG_DSAH, (uint32_t)(shared >> 32));
	status = command(vmx, VMXNET3_CMD_ACTIVATE_DEV);
	if (status != 0) {
		DBG("vmxnet3 %s: activation failed (%#x)\n", vmx->netdev->name,
		    status);
		stop_device(vmx);
		release_buffers(vmx, false);
		return -EIO;
	}
	vmx->active = true;
	/* Registers in BAR 0 only work on an active device. */
	pt_write(vmx, VMXNET3_REG_IMR, 1);
	write_mac(vmx, vmx->netdev->ll_addr);
	rx_doorbell(vmx);
	update_link(vmx);
	return 0;
}

/* The device stopped a queue, or it and we disagree about a ring: start
 * again from fresh rings rather than stay deaf. */
static void restart(struct vmxnet3 *vmx)
{
	DBG("vmxnet3 %s: restarting\n", vmx->netdev->name);
	stop_device(vmx);
	release_buffers(vmx, true);
	if (start_device(vmx) != 0)
		netdev_link_down(vmx->netdev);
}

/* One receive completion: index and len_err words of the entry. Returns
 * -EPROTO if it names no buffer we posted. */
static int receive(struct vmxnet3 *vmx, uint32_t index, uint32_t len_err)
{
	unsigned slot = index & VMXNET3_RCD_INDEX_MASK;
	unsigned ring = (index >> VMXNET3_RCD_RING_SHIFT) & VMXNET3_RCD_RING_MASK;
	size_t len = len_err & VMXNET3_RCD_LEN_MASK;
	uint32_t whole = VMXNET3_RCD_SOP | VMXNET3_RCD_EOP;
	struct vmxnet3_buffer *buf;
	struct io_buffer *iob;

	/* Only ring 0 of queue 0 ever holds buffers. */
	if (ring != 0 || slot >= RX_RING_SIZE || !vmx->rx_buffers[slot].iob) {
		DBG("vmxnet3 %s: completion for no buffer (%#x)\n",
		    vmx->netdev->name, index);
		netdev_rx_err(vmx->netdev, NULL, -EPROTO);
		return -EPROTO;
	}
	buf = &vmx->rx_buffers[slot];
	iob = buf->iob;
	buf->iob = NULL;
	dma_unmap(vmx->pci, &buf->map);
	if ((index & whole) != whole || (len_err & VMXNET3_RCD_ERR) ||
	    len < ETH_HLEN || len > NETDEV_RX_BUFFER_LEN) {
		netdev_rx_err(vmx->netdev, iob, -EIO);
		return 0;
	}
	iob_put(iob, len);
	DBG2("vmxnet3 %s: received %u bytes\n", vmx->netdev->name, (unsigned)len);
	netdev_rx(vmx->netdev, iob);
	return 0;
}

static void reap_rx(struct vmxnet3 *vmx)
{
	for (;;) {
		struct vmxnet3_rx_comp *comp = &vmx->dma->rx_comp_ring[vmx->rx_done.index];
		uint32_t type_gen = device_word(&comp->type_gen);
		uint32_t index, len_err;

		if ((type_gen >> VMXNET3_CD_GEN_SHIFT) != vmx->rx_done.gen)
			break;
		/* The rest of the entry only after its generation. */
		rmb();
		index = device_word(&comp->index);
		len_err = device_word(&comp->len_err);
		ring_advance(&vmx->rx_done, RX_COMP_RING_SIZE);
		if (receive(vmx, index, len_err) != 0) {
			restart(vmx);
			return;
		}
	}
}

static void reap_tx(struct vmxnet3 *vmx)
{
	for (;;) {
		struct vmxnet3_tx_comp *comp = &vmx->dma->tx_comp_ring[vmx->tx_done.index];
		uint32_t type_gen = device_word(&comp->type_gen);
		struct vmxnet3_buffer *buf;
		struct io_buffer *iob;
		unsigned slot;

		if ((type_gen >> VMXNET3_CD_GEN_SHIFT) != vmx->tx_done.gen)
			break;
		rmb();
		slot = device_word(&comp->index) & VMXNET3_TCD_INDEX_MASK;
		ring_advance(&vmx->tx_done, TX_RING_SIZE);
		if (slot >= TX_RING_SIZE || !vmx->tx_buffers[slot].iob) {
			DBG("vmxnet3 %s: completion for no frame (%u)\n",
			    vmx->netdev->name, slot);
			restart(vmx);
			return;
		}
		buf = &vmx->tx_buffers[slot];
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(vmx->pci, &buf->map);
		netdev_tx_complete(vmx->netdev, iob, 0);
	}
}

static void handle_events(struct vmxnet3 *vmx)
{
	uint32_t events = device_word(&vmx->dma->shared.ecr);

	if (!events)
		return;
	vd_write(vmx, VMXNET3_REG_ECR, events);
	if (events & VMXNET3_ECR_LINK)
		update_link(vmx);
	if (events & (VMXNET3_ECR_TQERR | VMXNET3_ECR_RQERR)) {
		DBG("vmxnet3 %s: a queue stopped (events %#x)\n",
		    vmx->netdev->name, events);
		restart(vmx);
	}
}

static int vmxnet3_open(struct net_device *netdev)
{
	struct vmxnet3 *vmx = netdev->priv;
	int rc;

	vmx->dma = dma_alloc(vmx->pci, &vmx->dma_map, sizeof(*vmx->dma));
	if (!vmx->dma)
		return -ENOMEM;
	rc = -ENOTSUP;
	if ((vmx->dma_map.dma_addr & (VMXNET3_RING_ALIGN - 1)) == 0)
		rc = start_device(vmx);
	if (rc != 0) {
		dma_free(vmx->pci, &vmx->dma_map, vmx->dma);
		vmx->dma = NULL;
	}
	return rc;
}

static void vmxnet3_close(struct net_device *netdev)
{
	struct vmxnet3 *vmx = netdev->priv;

	stop_device(vmx);
	release_buffers(vmx, false);
	dma_free(vmx->pci, &vmx->dma_map, vmx->dma);
	vmx->dma = NULL;
}

static int vmxnet3_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct vmxnet3 *vmx = netdev->priv;
	struct vmxnet3_buffer *buf;
	struct vmxnet3_tx_desc *desc;
	size_t len = iob_len(iob);
	int rc;

	/* A length of 0 would mean 16 KiB to the device. */
	if (len == 0 || len > VMXNET3_MAX_BUFFER_LEN)
		return -EINVAL;
	if (vmx->active)
		reap_tx(vmx);
	if (!vmx->active)
		return -ENETDOWN;
	/* Completions come in ring order: the next slot frees first. */
	buf = &vmx->tx_buffers[vmx->tx_fill.index];
	desc = &vmx->dma->tx_ring[vmx->tx_fill.index];
	if (buf->iob)
		return -ENOBUFS;
	rc = dma_map(vmx->pci, &buf->map, iob->data, len, DMA_TO_DEVICE);
	if (rc != 0)
		return rc;
	buf->iob = iob;
	desc->address = cpu_to_le64(buf->map.dma_addr);
	desc->flags = cpu_to_le32(VMXNET3_TXD_EOP | VMXNET3_TXD_CQ);
	wmb();
	desc->len_gen = cpu_to_le32((uint32_t)len |
				    vmx->tx_fill.gen << VMXNET3_TXD_GEN_SHIFT);
	ring_advance(&vmx->tx_fill, TX_RING_SIZE);
	wmb();
	pt_write(vmx, VMXNET3_REG_TXPROD, vmx->tx_fill.index);
	return 0;
}

static void vmxnet3_poll(struct net_device *netdev)
{
	struct vmxnet3 *vmx = netdev->priv;

	if (!vmx->active)
		return;
	handle_events(vmx);
	reap_tx(vmx);
	reap_rx(vmx);
	/* A failed restart above leaves the device off. */
	if (vmx->active && refill_rx(vmx))
		rx_doorbell(vmx);
}

static const struct net_device_operations vmxnet3_operations = {
	.open = vmxnet3_open,
	.close = vmxnet3_close,
	.transmit = vmxnet3_transmit,
	.poll = vmxnet3_poll,
};

static int vmxnet3_init(struct pci_device *pci, struct net_device *netdev)
{
	struct vmxnet3 *vmx = netdev->priv;
	int rc;

	vmx->pci = pci;
	vmx->netdev = netdev;
	rc = select_revision(vmx);
	if (rc != 0)
		return rc;
	/* Forget whatever the firmware's driver left active. */
	stop_device(vmx);
	read_mac(vmx, netdev->hw_addr);
	update_link(vmx);
	pci_nic_dbg_probed(pci, netdev, "%s", pci->id ? pci->id->name : "vmxnet3");
	return 0;
}

static void vmxnet3_quiesce(struct net_device *netdev)
{
	stop_device(netdev->priv);
}

static const struct pci_nic_ops vmxnet3_nic = {
	.priv_len = sizeof(struct vmxnet3),
	.op = &vmxnet3_operations,
	.bars = 1u << VMXNET3_PT_BAR | 1u << VMXNET3_VD_BAR,
	.init = vmxnet3_init,
	.quiesce = vmxnet3_quiesce,
};

static const struct pci_device_id vmxnet3_ids[] = {
	PCI_ID(0x15ad, 0x07b0, "vmxnet3", 0),
};

PCI_DRIVER(vmxnet3_driver) = {
	.name = "vmxnet3",
	.ids = vmxnet3_ids,
	.id_count = ARRAY_SIZE(vmxnet3_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &vmxnet3_nic,
};

FEATURE("vmxnet3");
