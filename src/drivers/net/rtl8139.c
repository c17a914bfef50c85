/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Realtek RTL8139 (and its clones), in whichever of its two modes the chip
 * has.
 *
 * C+ mode (the RTL8139C+, which QEMU emulates): two descriptor rings in
 * memory, as on later Realtek chips. Receive buffers are I/O buffers the
 * chip writes into directly, one frame each, so nothing is copied; a frame
 * goes out from its own buffer. The chip hands a descriptor back by
 * clearing OWN, so the hot path reads memory only: a poll touches no
 * register, a transmit writes one (the transmit poll). The interrupt
 * status (acknowledged, as on the original chip) and the link are looked
 * at every CP_STATUS_INTERVAL polls, since under emulation each register
 * access costs more than the rest of a poll.
 *
 * Original descriptor mode (every other member):
 *
 * Transmit: four fixed descriptors (TSAD/TSD 0-3) used strictly in turn,
 * as the chip walks them. Each owns a slot of one coherent buffer, the
 * frame is copied there (the chip wants 32-bit, 4-byte aligned addresses
 * and a frame in one piece), and the I/O buffer completes when the chip
 * reports the frame sent.
 *
 * Receive: one coherent ring the chip writes entries into back to back
 * (header, frame, CRC, padded to 4 bytes), wrapping at the end, so a frame
 * may be split in two. We read entries while the chip says the ring is not
 * empty and give the space back through CAPR. A header whose status or
 * length makes no sense means we lost our place in the ring: the receiver
 * is reset rather than trusting the length.
 *
 * Interrupts stay masked: poll() reaps both directions and reads the link.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/pci_nic.h>
#include <drivers/net/rtl8139.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/poll.h>

PROVIDE_OBJECT(rtl8139);

/* Register BARs: memory BAR 1 when the platform assigned it, else I/O
 * BAR 0; both decode the same registers. */
#define RTL_BAR_IO 0
#define RTL_BAR_MEMORY 1

/* 32 KiB receive ring: RBLEN 2. */
#define RX_RING_ORDER 2
#define RX_RING_LEN (8192u << RX_RING_ORDER)
/* Smallest ring entry (a minimal frame with header and CRC): bounds the
 * entries one poll can find. */
#define RX_MIN_ENTRY_LEN 64
/* Frames we accept: a full frame with a VLAN tag, plus the CRC. */
#define RX_MAX_LEN (ETH_FRAME_LEN + VLAN_HLEN + RTL_RX_CRC_LEN)
#define RX_MIN_LEN (ETH_HLEN + RTL_RX_CRC_LEN)

#define TX_SLOT_LEN 2048
#define TX_EARLY_THRESHOLD 256	/* bytes in the FIFO before sending starts */

#define RESET_TIMEOUT_US 10000

/* C+ mode: ring sizes (the receive ring absorbs a burst: a chip without a
 * free descriptor drops the frame), both rings in one coherent block. */
#define CP_RX_DESCS 32
#define CP_TX_DESCS 16
#define CP_RINGS_LEN ((CP_RX_DESCS + CP_TX_DESCS) * sizeof(struct rtl_cp_desc))
#define CP_RX_BUFFER_LEN NETDEV_RX_BUFFER_LEN
#define CP_STATUS_INTERVAL 16

/* An I/O buffer a C+ descriptor points at, and its mapping. */
struct rtl_cp_buffer {
	struct io_buffer *iob;
	struct dma_mapping map;
};

struct rtl8139 {
	struct pci_device *pci;
	struct net_device *netdev;
	unsigned bar;
	uint8_t *rx_ring;
	struct dma_mapping rx_map;
	unsigned rx_offset;		/* next entry in the ring */
	uint8_t *tx_slots;
	struct dma_mapping tx_map;
	struct io_buffer *tx_iobs[RTL_TX_DESCRIPTORS];
	/* Free-running: descriptor n % ring size is next to fill / to
	 * complete (both modes). */
	unsigned tx_next, tx_done;
	bool cplus;			/* the chip has C+ mode: we use it */
	struct rtl_cp_desc *cp_rx, *cp_tx;
	struct dma_mapping cp_map;
	struct rtl_cp_buffer cp_rx_bufs[CP_RX_DESCS], cp_tx_bufs[CP_TX_DESCS];
	/* Free-running: receive descriptors posted / reaped. */
	unsigned rx_prod, rx_cons;
	unsigned polls;			/* since the last status look */
};

static uint8_t rtl_read8(struct rtl8139 *rtl, unsigned reg)
{
	return pci_bar_read8(rtl->pci, rtl->bar, reg);
}

static uint16_t rtl_read16(struct rtl8139 *rtl, unsigned reg)
{
	return pci_bar_read16(rtl->pci, rtl->bar, reg);
}

static uint32_t rtl_read32(struct rtl8139 *rtl, unsigned reg)
{
	return pci_bar_read32(rtl->pci, rtl->bar, reg);
}

static void rtl_write8(struct rtl8139 *rtl, unsigned reg, uint8_t value)
{
	pci_bar_write8(rtl->pci, rtl->bar, reg, value);
}

static void rtl_write16(struct rtl8139 *rtl, unsigned reg, uint16_t value)
{
	pci_bar_write16(rtl->pci, rtl->bar, reg, value);
}

static void rtl_write32(struct rtl8139 *rtl, unsigned reg, uint32_t value)
{
	pci_bar_write32(rtl->pci, rtl->bar, reg, value);
}

/* Software reset: stops both DMA engines, clears the rings' pointers and
 * masks interrupts; the MAC address survives. */
static int reset_chip(struct rtl8139 *rtl)
{
	rtl_write8(rtl, RTL_CR, RTL_CR_RST);
	if (pci_poll8(rtl->pci, rtl->bar, RTL_CR, RTL_CR_RST, 0,
		      RESET_TIMEOUT_US) == 0)
		return 0;
	DBG("rtl8139 PCI " PCI_FMT ": reset timed out\n", PCI_ARGS(rtl->pci));
	return -ETIMEDOUT;
}

static void update_link(struct rtl8139 *rtl)
{
	if (rtl_read8(rtl, RTL_MSR) & RTL_MSR_LINKB)
		netdev_link_down(rtl->netdev);
	else
		netdev_link_up(rtl->netdev);
}

/* The frames we accept (ring: the original mode's ring length). */
static void write_rcr(struct rtl8139 *rtl, uint32_t ring)
{
	rtl_write32(rtl, RTL_RCR, RTL_RCR_RXFTH_NONE | RTL_RCR_MXDMA_UNLIMITED |
		    ring | RTL_RCR_AB | RTL_RCR_AM | RTL_RCR_APM);
}

/* What both modes configure once the chip is enabled, after RCR. */
static void write_tcr_and_mar(struct rtl8139 *rtl)
{
	unsigned i;

	rtl_write32(rtl, RTL_TCR, RTL_TCR_IFG_STANDARD | RTL_TCR_MXDMA_2048);
	/* All multicast groups: the stack filters what it does not want. */
	for (i = 0; i < 8; i++)
		rtl_write8(rtl, RTL_MAR0 + i, 0xff);
}

/* Points the (enabled) receiver at the start of an empty ring. Writing
 * RCR also makes the chip start over at offset 0. */
static void start_receiver(struct rtl8139 *rtl)
{
	rtl_write32(rtl, RTL_RBSTART, (uint32_t)rtl->rx_map.dma_addr);
	write_rcr(rtl, RX_RING_ORDER << RTL_RCR_RBLEN_SHIFT);
	rtl->rx_offset = 0;
	rtl_write16(rtl, RTL_CAPR, (uint16_t)(rtl->rx_offset - RTL_CAPR_OFFSET));
}

/* From reset to running: the transmitter and receiver must be enabled
 * before their configuration registers take writes. */
static int start_chip(struct rtl8139 *rtl)
{
	unsigned i;
	int rc;

	rc = reset_chip(rtl);
	if (rc != 0)
		return rc;
	rtl_write8(rtl, RTL_CR, RTL_CR_RE | RTL_CR_TE);
	start_receiver(rtl);
	write_tcr_and_mar(rtl);
	for (i = 0; i < RTL_TX_DESCRIPTORS; i++)
		rtl_write32(rtl, RTL_TSAD0 + 4 * i,
			    (uint32_t)(rtl->tx_map.dma_addr + i * TX_SLOT_LEN));
	rtl_write16(rtl, RTL_IMR, 0);
	rtl_write16(rtl, RTL_ISR, RTL_ISR_ALL);
	rtl_write32(rtl, RTL_MPC, 0);
	rtl->tx_next = rtl->tx_done = 0;
	return 0;
}

/* Our place in the ring is lost: start the receiver over on an empty
 * ring (what was in it is dropped). */
static void reset_receiver(struct rtl8139 *rtl)
{
	rtl_write8(rtl, RTL_CR, RTL_CR_TE);
	rtl_write8(rtl, RTL_CR, RTL_CR_RE | RTL_CR_TE);
	start_receiver(rtl);
}

/* Copies len bytes from ring offset, which may wrap past the ring's end. */
static void copy_from_ring(struct rtl8139 *rtl, unsigned offset, void *dest,
			   size_t len)
{
	size_t first = RX_RING_LEN - offset;

	if (first > len)
		first = len;
	memcpy(dest, rtl->rx_ring + offset, first);
	memcpy((uint8_t *)dest + first, rtl->rx_ring, len - first);
}

static void reap_rx(struct rtl8139 *rtl)
{
	unsigned budget = RX_RING_LEN / RX_MIN_ENTRY_LEN;
	struct io_buffer *iob;
	uint32_t header;
	unsigned status, len;

	while (budget-- && !(rtl_read8(rtl, RTL_CR) & RTL_CR_BUFE)) {
		rmb();
		/* Entries start 4-byte aligned, so a header never wraps. */
		memcpy(&header, rtl->rx_ring + rtl->rx_offset, sizeof(header));
		header = le32_to_cpu(header);
		status = header & 0xffff;
		len = header >> 16;
		if (len == RTL_RX_LEN_IN_PROGRESS)
			return;	/* the chip is still writing it */
		if (!(status & RTL_RX_STATUS_ROK) ||
		    (status & RTL_RX_STATUS_ERRORS) || len < RX_MIN_LEN ||
		    len > RX_MAX_LEN) {
			DBG("rtl8139 %s: bad receive header %08x at %#x, "
			    "resetting the receiver\n", rtl->netdev->name,
			    header, rtl->rx_offset);
			netdev_rx_err(rtl->netdev, NULL, -EPROTO);
			reset_receiver(rtl);
			return;
		}
		iob = alloc_iob(len - RTL_RX_CRC_LEN);
		if (iob) {
			copy_from_ring(rtl, (rtl->rx_offset + RTL_RX_HEADER_LEN) %
				       RX_RING_LEN, iob_put(iob, len - RTL_RX_CRC_LEN),
				       len - RTL_RX_CRC_LEN);
			DBG2("rtl8139 %s: received %u bytes at %#x\n",
			     rtl->netdev->name, len - RTL_RX_CRC_LEN, rtl->rx_offset);
			netdev_rx(rtl->netdev, iob);
		} else {
			netdev_rx_err(rtl->netdev, NULL, -ENOMEM);
		}
		rtl->rx_offset = ((rtl->rx_offset + RTL_RX_HEADER_LEN + len + 3) &
				  ~3u) % RX_RING_LEN;
		rtl_write16(rtl, RTL_CAPR,
			    (uint16_t)(rtl->rx_offset - RTL_CAPR_OFFSET));
	}
}

/* Gives back every frame still in the chip's hands (it must be stopped or
 * about to be reset). */
static void cancel_tx(struct rtl8139 *rtl, int rc)
{
	while (rtl->tx_done != rtl->tx_next) {
		unsigned slot = rtl->tx_done++ % RTL_TX_DESCRIPTORS;
		struct io_buffer *iob = rtl->tx_iobs[slot];

		rtl->tx_iobs[slot] = NULL;
		netdev_tx_complete(rtl->netdev, iob, rc);
	}
}

static void reap_tx(struct rtl8139 *rtl)
{
	while (rtl->tx_done != rtl->tx_next) {
		unsigned slot = rtl->tx_done % RTL_TX_DESCRIPTORS;
		uint32_t tsd = rtl_read32(rtl, RTL_TSD0 + 4 * slot);
		struct io_buffer *iob = rtl->tx_iobs[slot];

		if (!(tsd & (RTL_TSD_TOK | RTL_TSD_TUN | RTL_TSD_TABT)))
			return;
		rtl->tx_iobs[slot] = NULL;
		rtl->tx_done++;
		netdev_tx_complete(rtl->netdev, iob,
				   (tsd & RTL_TSD_TOK) ? 0 : -EIO);
		if (tsd & RTL_TSD_TABT) {
			/* An aborted transmitter waits for us; starting the
			 * chip over is the plain way out. */
			DBG("rtl8139 %s: transmit aborted (TSD %08x), restarting\n",
			    rtl->netdev->name, tsd);
			cancel_tx(rtl, -ECANCELED);
			start_chip(rtl);
			return;
		}
	}
}

static void free_buffers(struct rtl8139 *rtl)
{
	if (rtl->rx_ring)
		dma_free(rtl->pci, &rtl->rx_map, rtl->rx_ring);
	if (rtl->tx_slots)
		dma_free(rtl->pci, &rtl->tx_map, rtl->tx_slots);
	rtl->rx_ring = NULL;
	rtl->tx_slots = NULL;
}

/* The chip takes 32-bit bus addresses only. */
static bool below_4g(const struct dma_mapping *map)
{
	return (map->dma_addr + map->len - 1) >> 32 == 0;
}

/* ---- C+ mode ------------------------------------------------------------ */

/* Descriptor flags change under the CPU's feet (the chip writes them
 * back): read them afresh every time. */
static uint32_t cp_flags(const struct rtl_cp_desc *desc)
{
	return le32_to_cpu(*(const volatile uint32_t *)&desc->flags);
}

/* Hands desc (pointing at map, len bytes) to the chip, OWN last. */
static void cp_post(struct rtl_cp_desc *desc, bool last, const struct dma_mapping *map,
		    uint32_t flags)
{
	desc->vlan = 0;
	desc->addr = cpu_to_le64(map->dma_addr);
	wmb();
	*(volatile uint32_t *)&desc->flags =
		cpu_to_le32(RTL_CP_OWN | (last ? RTL_CP_EOR : 0) | flags);
}

/* Posts a buffer in every free receive descriptor; stops quietly when
 * memory runs out (the next poll tries again). */
static void cp_refill_rx(struct rtl8139 *rtl)
{
	while (rtl->rx_prod - rtl->rx_cons < CP_RX_DESCS) {
		unsigned index = rtl->rx_prod % CP_RX_DESCS;
		struct rtl_cp_buffer *buf = &rtl->cp_rx_bufs[index];

		buf->iob = alloc_iob(CP_RX_BUFFER_LEN);
		if (!buf->iob)
			return;
		if (dma_map(rtl->pci, &buf->map, buf->iob->data, CP_RX_BUFFER_LEN,
			    DMA_FROM_DEVICE) != 0) {
			free_iob(buf->iob);
			buf->iob = NULL;
			return;
		}
		cp_post(&rtl->cp_rx[index], index == CP_RX_DESCS - 1, &buf->map,
			CP_RX_BUFFER_LEN);
		rtl->rx_prod++;
	}
}

static void cp_reap_rx(struct rtl8139 *rtl)
{
	while (rtl->rx_cons != rtl->rx_prod) {
		unsigned index = rtl->rx_cons % CP_RX_DESCS;
		struct rtl_cp_buffer *buf = &rtl->cp_rx_bufs[index];
		uint32_t flags = cp_flags(&rtl->cp_rx[index]);
		struct io_buffer *iob;
		unsigned len;

		if (flags & RTL_CP_OWN)
			break;
		rmb();
		len = flags & RTL_CP_RX_LEN_MASK;
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(rtl->pci, &buf->map);
		rtl->rx_cons++;
		/* A frame in one buffer, whole and intact, or nothing. */
		if ((flags & (RTL_CP_FS | RTL_CP_LS | RTL_CP_RX_RES)) !=
		    (RTL_CP_FS | RTL_CP_LS) || len < RX_MIN_LEN || len > RX_MAX_LEN) {
			DBG("rtl8139 %s: receive descriptor %u: %08x\n",
			    rtl->netdev->name, index, flags);
			netdev_rx_err(rtl->netdev, iob, -EPROTO);
			continue;
		}
		iob_put(iob, len - RTL_RX_CRC_LEN);
		netdev_rx(rtl->netdev, iob);
	}
	cp_refill_rx(rtl);
}

static void cp_reap_tx(struct rtl8139 *rtl)
{
	while (rtl->tx_done != rtl->tx_next) {
		unsigned index = rtl->tx_done % CP_TX_DESCS;
		struct rtl_cp_buffer *buf = &rtl->cp_tx_bufs[index];
		uint32_t flags = cp_flags(&rtl->cp_tx[index]);
		struct io_buffer *iob = buf->iob;

		if (flags & RTL_CP_OWN)
			return;
		dma_unmap(rtl->pci, &buf->map);
		buf->iob = NULL;
		rtl->tx_done++;
		netdev_tx_complete(rtl->netdev, iob, (flags & RTL_CP_TX_TES) ? -EIO : 0);
	}
}

/* Gives back every buffer (the chip is reset: it holds none any more);
 * frames in flight belong to the network layer, which completes them. */
static void cp_release(struct rtl8139 *rtl)
{
	unsigned i;

	for (i = 0; i < CP_RX_DESCS; i++) {
		struct rtl_cp_buffer *buf = &rtl->cp_rx_bufs[i];

		if (buf->iob) {
			dma_unmap(rtl->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
		}
	}
	for (i = 0; i < CP_TX_DESCS; i++) {
		if (rtl->cp_tx_bufs[i].iob)
			dma_unmap(rtl->pci, &rtl->cp_tx_bufs[i].map);
		rtl->cp_tx_bufs[i].iob = NULL;
	}
	dma_free(rtl->pci, &rtl->cp_map, rtl->cp_rx);
	rtl->cp_rx = rtl->cp_tx = NULL;
	rtl->rx_prod = rtl->rx_cons = 0;
	rtl->tx_next = rtl->tx_done = 0;
}

static void write_addr64(struct rtl8139 *rtl, unsigned reg, uint64_t addr)
{
	rtl_write32(rtl, reg, (uint32_t)addr);
	rtl_write32(rtl, reg + 4, (uint32_t)(addr >> 32));
}

static int cp_open(struct rtl8139 *rtl)
{
	uint64_t rings;
	int rc;

	rtl->cp_rx = dma_alloc(rtl->pci, &rtl->cp_map, CP_RINGS_LEN);
	if (!rtl->cp_rx)
		return -ENOMEM;
	/* The block is page aligned; the receive ring's length keeps the
	 * transmit ring 256-byte aligned. */
	rtl->cp_tx = rtl->cp_rx + CP_RX_DESCS;
	rings = rtl->cp_map.dma_addr;
	rc = reset_chip(rtl);
	if (rc != 0) {
		cp_release(rtl);
		return rc;
	}
	cp_refill_rx(rtl);
	rtl_write16(rtl, RTL_CPCR, RTL_CPCR_RXENB | RTL_CPCR_TXENB | RTL_CPCR_PCIDAC);
	write_addr64(rtl, RTL_RDSAR, rings);
	write_addr64(rtl, RTL_TNPDS, rings + CP_RX_DESCS * sizeof(struct rtl_cp_desc));
	/* Enabling both directions starts them at their rings' first
	 * descriptors; the configuration registers take writes after. */
	rtl_write8(rtl, RTL_CR, RTL_CR_RE | RTL_CR_TE);
	write_rcr(rtl, 0);
	write_tcr_and_mar(rtl);
	rtl_write16(rtl, RTL_IMR, 0);
	rtl_write16(rtl, RTL_ISR, RTL_ISR_ALL);
	rtl->polls = 0;
	return 0;
}

static int cp_transmit(struct rtl8139 *rtl, struct io_buffer *iob)
{
	unsigned index = rtl->tx_next % CP_TX_DESCS;
	struct rtl_cp_buffer *buf = &rtl->cp_tx_bufs[index];
	size_t len = iob_len(iob);
	int rc;

	if (len > RTL_TX_MAX_LEN)
		return -EMSGSIZE;
	cp_reap_tx(rtl);
	if (rtl->tx_next - rtl->tx_done >= CP_TX_DESCS)
		return -ENOBUFS;
	rc = dma_map(rtl->pci, &buf->map, iob->data, len, DMA_TO_DEVICE);
	if (rc != 0)
		return rc;
	buf->iob = iob;
	cp_post(&rtl->cp_tx[index], index == CP_TX_DESCS - 1, &buf->map,
		RTL_CP_FS | RTL_CP_LS | (uint32_t)len);
	rtl->tx_next++;
	wmb();
	rtl_write8(rtl, RTL_TPPOLL, RTL_TPPOLL_NPQ);
	return 0;
}

/* Clears what the interrupt status latched (a chip that ran out of
 * receive descriptors among it). */
static void ack_status(struct rtl8139 *rtl)
{
	uint16_t isr = rtl_read16(rtl, RTL_ISR);

	if (isr)
		rtl_write16(rtl, RTL_ISR, isr);
}

static void cp_poll(struct rtl8139 *rtl)
{
	cp_reap_tx(rtl);
	cp_reap_rx(rtl);
	if (++rtl->polls >= CP_STATUS_INTERVAL) {
		rtl->polls = 0;
		ack_status(rtl);
		update_link(rtl);
	}
}

/* ---- both modes ------------------------------------------------------------ */

static int rtl8139_open(struct net_device *netdev)
{
	struct rtl8139 *rtl = netdev->priv;
	int rc;

	if (rtl->cplus) {
		rc = cp_open(rtl);
		if (rc == 0)
			update_link(rtl);
		return rc;
	}
	rtl->rx_ring = dma_alloc(rtl->pci, &rtl->rx_map, RX_RING_LEN);
	rtl->tx_slots = dma_alloc(rtl->pci, &rtl->tx_map,
				  RTL_TX_DESCRIPTORS * TX_SLOT_LEN);
	if (!rtl->rx_ring || !rtl->tx_slots) {
		rc = -ENOMEM;
		goto fail;
	}
	if (!below_4g(&rtl->rx_map) || !below_4g(&rtl->tx_map)) {
		DBG("rtl8139 %s: DMA buffers above 4 GiB\n", netdev->name);
		rc = -ENOTSUP;
		goto fail;
	}
	rc = start_chip(rtl);
	if (rc != 0)
		goto fail;
	update_link(rtl);
	return 0;

fail:
	reset_chip(rtl);
	free_buffers(rtl);
	return rc;
}

static void rtl8139_close(struct net_device *netdev)
{
	struct rtl8139 *rtl = netdev->priv;
	unsigned i;

	/* After the reset the chip reads and writes none of our memory. */
	reset_chip(rtl);
	if (rtl->cplus) {
		cp_release(rtl);
		return;
	}
	free_buffers(rtl);
	/* Frames in flight belong to the network layer, which completes
	 * them. */
	for (i = 0; i < RTL_TX_DESCRIPTORS; i++)
		rtl->tx_iobs[i] = NULL;
	rtl->tx_next = rtl->tx_done = 0;
}

static int rtl8139_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct rtl8139 *rtl = netdev->priv;
	size_t len = iob_len(iob);
	unsigned slot;
	uint8_t *buffer;

	if (rtl->cplus)
		return cp_transmit(rtl, iob);
	reap_tx(rtl);
	if (rtl->tx_next - rtl->tx_done >= RTL_TX_DESCRIPTORS)
		return -ENOBUFS;
	if (len > RTL_TX_MAX_LEN)
		return -EMSGSIZE;
	slot = rtl->tx_next % RTL_TX_DESCRIPTORS;
	buffer = rtl->tx_slots + slot * TX_SLOT_LEN;
	memcpy(buffer, iob->data, len);
	/* The chip sends runts as they are. */
	if (len < ETH_ZLEN) {
		memset(buffer + len, 0, ETH_ZLEN - len);
		len = ETH_ZLEN;
	}
	rtl->tx_iobs[slot] = iob;
	rtl->tx_next++;
	wmb();
	/* Writing the size with OWN clear hands the descriptor over. */
	rtl_write32(rtl, RTL_TSD0 + 4 * slot, (uint32_t)len |
		    (TX_EARLY_THRESHOLD / 32) << RTL_TSD_ERTXTH_SHIFT);
	return 0;
}

static void rtl8139_poll(struct net_device *netdev)
{
	struct rtl8139 *rtl = netdev->priv;

	if (rtl->cplus) {
		cp_poll(rtl);
		return;
	}
	/* Nothing waits on these bits (interrupts are masked), but a chip
	 * with a receive overflow latched resumes only once it is cleared. */
	ack_status(rtl);
	reap_tx(rtl);
	reap_rx(rtl);
	update_link(rtl);
}

static const struct net_device_operations rtl8139_operations = {
	.open = rtl8139_open,
	.close = rtl8139_close,
	.transmit = rtl8139_transmit,
	.poll = rtl8139_poll,
};

static int choose_bar(struct pci_device *pci, unsigned *bar)
{
	if (pci_bar_is_io(pci, RTL_BAR_MEMORY) == 0)
		*bar = RTL_BAR_MEMORY;
	else if (pci_bar_is_io(pci, RTL_BAR_IO) == 1)
		*bar = RTL_BAR_IO;
	else
		return -ENODEV;
	return 0;
}

static int rtl8139_init(struct pci_device *pci, struct net_device *netdev)
{
	struct rtl8139 *rtl = netdev->priv;
	unsigned i;
	int rc;

	rtl->pci = pci;
	rtl->netdev = netdev;
	rc = choose_bar(pci, &rtl->bar);
	if (rc == 0)
		rc = reset_chip(rtl);
	if (rc != 0)
		return rc;
	rtl->cplus = (rtl_read32(rtl, RTL_TCR) & RTL_TCR_HWVER_MASK) ==
		     RTL_TCR_HWVER_8139CPLUS;
	for (i = 0; i < ETH_ALEN; i++)
		netdev->hw_addr[i] = rtl_read8(rtl, RTL_IDR0 + i);
	update_link(rtl);
	pci_nic_dbg_probed(pci, netdev, "%s, %s BAR%u, %s mode", pci->id->name,
			   rtl->bar == RTL_BAR_MEMORY ? "memory" : "I/O", rtl->bar,
			   rtl->cplus ? "C+" : "ring");
	return 0;
}

static void rtl8139_quiesce(struct net_device *netdev)
{
	reset_chip(netdev->priv);
}

static const struct pci_nic_ops rtl8139_nic = {
	.priv_len = sizeof(struct rtl8139),
	.op = &rtl8139_operations,
	.init = rtl8139_init,
	.quiesce = rtl8139_quiesce,
};

static const struct pci_device_id rtl8139_ids[] = {
	PCI_ID(0x10ec, 0x8139, "rtl8139", 0),
	PCI_ID(0x10ec, 0x8138, "rtl8139b", 0),
	PCI_ID(0x1113, 0x1211, "smc1211tx", 0),
	PCI_ID(0x1186, 0x1300, "dfe538tx", 0),
	PCI_ID(0x1259, 0xa117, "allied8139", 0),
	PCI_ID(0x14ea, 0xab06, "fnw3603tx", 0),
	PCI_ID(0x4033, 0x1360, "addtron8139", 0),
};

PCI_DRIVER(rtl8139_driver) = {
	.name = "rtl8139",
	.ids = rtl8139_ids,
	.id_count = ARRAY_SIZE(rtl8139_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &rtl8139_nic,
};

FEATURE("rtl8139");
