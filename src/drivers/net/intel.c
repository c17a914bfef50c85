/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ring and register logic shared by the e1000 and e1000e drivers (see
 * intel.h). Receive buffers are INTEL_RX_BUFFER_LEN bytes, the buffer
 * size RCTL selects, so that the chip can never write past one; one
 * descriptor of each ring always stays empty, so that head == tail means
 * empty to the chip.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/intel.h>
#include <drivers/net/pci_nic.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/poll.h>
#include <wireboot/timer.h>

/* Inter-packet gap for copper links: IPGT 8, IPGR1 8, IPGR2 6. */
#define INTEL_TIPG_COPPER (8u | (8u << 10) | (6u << 20))
/* Collision threshold and distance (full duplex) from the manuals. */
#define INTEL_TCTL_DEFAULT (INTEL_TCTL_EN | INTEL_TCTL_PSP | \
			    INTEL_TCTL_CT(0x0f) | INTEL_TCTL_COLD(0x3f))
/* Receive buffers posted before RDT tells the chip, unless it runs low:
 * each RDT write is an exit to the device model under emulation. */
#define INTEL_RX_TAIL_BATCH (INTEL_RX_DESCS / 4)
/* Time for DMA in flight to end once the rings are disabled. */
#define INTEL_QUIESCE_MS 10
#define INTEL_RESET_TIMEOUT_US 100000
/* The chip is not read back within the first moments of a reset. */
#define INTEL_RESET_SETTLE_MS 1
/* The longest frame one legacy descriptor may carry. */
#define INTEL_TX_MAX_LEN 16288

#define RX_RING_BYTES (INTEL_RX_DESCS * sizeof(struct intel_rx_desc))
#define TX_RING_BYTES (INTEL_TX_DESCS * sizeof(struct intel_tx_desc))

/* Descriptor status bytes change under the CPU's feet (the chip writes
 * them back): read them afresh every time. */
static uint8_t desc_status(const volatile uint8_t *status)
{
	return *status;
}

/*
 * Masks interrupts, stops both rings, waits for DMA in flight, then resets
 * the MAC. Disabling the rings first matters: some models (QEMU's e1000)
 * treat CTRL.RST as a no-op, and a reset during DMA can hang the bus.
 */
static int intel_reset(struct intel_nic *intel)
{
	int rc;

	intel_write(intel, INTEL_IMC, ~0u);
	intel_write(intel, INTEL_RCTL, 0);
	intel_write(intel, INTEL_TCTL, 0);
	intel_read(intel, INTEL_STATUS);	/* flush posted writes */
	mdelay(INTEL_QUIESCE_MS);

	intel_write(intel, INTEL_CTRL,
		    intel_read(intel, INTEL_CTRL) | INTEL_CTRL_RST);
	mdelay(INTEL_RESET_SETTLE_MS);
	rc = pci_poll32(intel->pci, 0, INTEL_CTRL, INTEL_CTRL_RST, 0,
			INTEL_RESET_TIMEOUT_US, NULL);
	if (rc != 0)
		return rc;
	intel_write(intel, INTEL_IMC, ~0u);
	if (intel->variant->reset_done)
		return intel->variant->reset_done(intel);
	return 0;
}

static bool valid_unicast(const uint8_t *mac)
{
	static const uint8_t zero[ETH_ALEN];

	return !(mac[0] & 0x01) && memcmp(mac, zero, ETH_ALEN) != 0;
}

/*
 * The chip loads receive address 0 from its EEPROM at reset (and firmware
 * may have set it); the EEPROM's first three words are read only when
 * that address is missing.
 */
static int intel_read_mac(struct intel_nic *intel, uint8_t *mac)
{
	uint32_t ral = intel_read(intel, INTEL_RAL0);
	uint32_t rah = intel_read(intel, INTEL_RAH0);
	uint16_t word;
	unsigned i;
	int rc;

	if (rah & INTEL_RAH_AV) {
		for (i = 0; i < 4; i++)
			mac[i] = (uint8_t)(ral >> (8 * i));
		mac[4] = (uint8_t)rah;
		mac[5] = (uint8_t)(rah >> 8);
		if (valid_unicast(mac))
			return 0;
	}
	for (i = 0; i < ETH_ALEN / 2; i++) {
		rc = intel->variant->read_eeprom(intel, i, &word);
		if (rc != 0)
			return rc;
		mac[2 * i] = (uint8_t)word;
		mac[2 * i + 1] = (uint8_t)(word >> 8);
	}
	return valid_unicast(mac) ? 0 : -ENODEV;
}

static void intel_update_link(struct intel_nic *intel)
{
	if (intel_read(intel, INTEL_STATUS) & INTEL_STATUS_LU)
		netdev_link_up(intel->netdev);
	else
		netdev_link_down(intel->netdev);
}

/* Receive address 0 = our address; no multicast groups. */
static void intel_set_filters(struct intel_nic *intel)
{
	const uint8_t *mac = intel->netdev->ll_addr;
	unsigned i;

	intel_write(intel, INTEL_RAL0, (uint32_t)mac[0] | (uint32_t)mac[1] << 8 |
			       (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24);
	intel_write(intel, INTEL_RAH0, (uint32_t)mac[4] | (uint32_t)mac[5] << 8 |
			       INTEL_RAH_AV);
	for (i = 0; i < INTEL_MTA_ENTRIES; i++)
		intel_write(intel, INTEL_MTA + 4 * i, 0);
}

/* Posts a buffer in every free receive descriptor but one; stops quietly
 * when memory runs out (the next poll tries again). The chip hears of
 * them in batches, or at once when it holds few. */
static void intel_refill_rx(struct intel_nic *intel)
{
	while (intel->rx_prod - intel->rx_cons < INTEL_RX_DESCS - 1) {
		unsigned index = intel->rx_prod % INTEL_RX_DESCS;
		struct intel_buffer *buf = &intel->rx[index];
		struct intel_rx_desc *desc = &intel->rx_ring[index];

		buf->iob = alloc_iob(INTEL_RX_BUFFER_LEN);
		if (!buf->iob)
			break;
		if (dma_map(intel->pci, &buf->map, buf->iob->data,
			    INTEL_RX_BUFFER_LEN, DMA_FROM_DEVICE) != 0) {
			free_iob(buf->iob);
			buf->iob = NULL;
			break;
		}
		memset(desc, 0, sizeof(*desc));
		desc->addr = cpu_to_le64(buf->map.dma_addr);
		intel->rx_prod++;
	}
	if (intel->rx_prod != intel->rx_tail &&
	    (intel->rx_prod - intel->rx_tail >= INTEL_RX_TAIL_BATCH ||
	     intel->rx_tail - intel->rx_cons < INTEL_RX_TAIL_BATCH)) {
		wmb();
		intel_write(intel, INTEL_RDT, intel->rx_prod % INTEL_RX_DESCS);
		intel->rx_tail = intel->rx_prod;
	}
}

/* A frame too long for one buffer arrives over several descriptors; we
 * never enable long frames, so such pieces are dropped, all of them. */
static int intel_rx_check(struct intel_nic *intel, uint8_t status,
			  uint8_t errors, size_t len)
{
	bool in_dropped_frame = intel->rx_discarding;

	intel->rx_discarding = !(status & INTEL_RXD_STAT_EOP);
	if (intel->rx_discarding || in_dropped_frame)
		return -EMSGSIZE;
	if (errors & INTEL_RXD_ERR_FRAME)
		return -EIO;
	if (len < ETH_HLEN || len > INTEL_RX_BUFFER_LEN)
		return -EPROTO;
	return 0;
}

static void intel_reap_rx(struct intel_nic *intel)
{
	unsigned start = intel->rx_cons;

	while (intel->rx_cons != intel->rx_prod) {
		unsigned index = intel->rx_cons % INTEL_RX_DESCS;
		struct intel_rx_desc *desc = &intel->rx_ring[index];
		struct intel_buffer *buf = &intel->rx[index];
		struct io_buffer *iob;
		uint8_t status = desc_status(&desc->status);
		size_t len;
		int rc;

		if (!(status & INTEL_RXD_STAT_DD))
			break;
		rmb();
		len = le16_to_cpu(desc->length);
		rc = intel_rx_check(intel, status, desc->errors, len);
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(intel->pci, &buf->map);
		intel->rx_cons++;
		if (rc != 0) {
			DBG("%s: receive descriptor %u: status %02x errors "
			    "%02x length %u dropped\n", intel->netdev->name,
			    index, status, desc->errors, (unsigned)len);
			netdev_rx_err(intel->netdev, iob, rc);
			continue;
		}
		iob_put(iob, len);
		DBG2("%s: received %u bytes\n", intel->netdev->name,
		     (unsigned)len);
		netdev_rx(intel->netdev, iob);
	}
	/* Every buffer the chip knew of filled between two polls: it had
	 * none left (it holds or drops frames until intel_refill_rx() gives
	 * it more). */
	if (intel->rx_cons != start && intel->rx_cons == intel->rx_tail)
		DBG("%s %s: receive ring was full\n", intel->netdev->driver_name,
		    intel->netdev->name);
}

static void intel_reap_tx(struct intel_nic *intel)
{
	while (intel->tx_cons != intel->tx_prod) {
		unsigned index = intel->tx_cons % INTEL_TX_DESCS;
		struct intel_buffer *buf = &intel->tx[index];
		struct io_buffer *iob;
		uint8_t status = desc_status(&intel->tx_ring[index].status);

		if (!(status & INTEL_TXD_STAT_DD))
			break;
		iob = buf->iob;
		buf->iob = NULL;
		dma_unmap(intel->pci, &buf->map);
		intel->tx_cons++;
		netdev_tx_complete(intel->netdev, iob,
				   (status & (INTEL_TXD_STAT_EC | INTEL_TXD_STAT_LC)) ?
				   -EIO : 0);
	}
}

/* Unmaps and forgets every buffer; the rings must be stopped already.
 * Receive buffers are freed; transmit buffers belong to the network
 * layer, which completes them when close() returns. */
static void intel_release(struct intel_nic *intel)
{
	unsigned i;

	for (i = 0; i < INTEL_RX_DESCS; i++) {
		struct intel_buffer *buf = &intel->rx[i];

		if (buf->iob) {
			dma_unmap(intel->pci, &buf->map);
			free_iob(buf->iob);
			buf->iob = NULL;
		}
	}
	for (i = 0; i < INTEL_TX_DESCS; i++) {
		struct intel_buffer *buf = &intel->tx[i];

		if (buf->iob) {
			dma_unmap(intel->pci, &buf->map);
			buf->iob = NULL;
		}
	}
	dma_free(intel->pci, &intel->rings_map, intel->rings);
	intel->rings = NULL;
}

static void intel_start_tx(struct intel_nic *intel)
{
	uint64_t base = intel->rings_map.dma_addr + RX_RING_BYTES;

	intel_write(intel, INTEL_TDBAL, (uint32_t)base);
	intel_write(intel, INTEL_TDBAH, (uint32_t)(base >> 32));
	intel_write(intel, INTEL_TDLEN, TX_RING_BYTES);
	intel_write(intel, INTEL_TDH, 0);
	intel_write(intel, INTEL_TDT, 0);
	intel_write(intel, INTEL_TIPG, INTEL_TIPG_COPPER);
	if (intel->variant->configure_tx)
		intel->variant->configure_tx(intel);
	intel_write(intel, INTEL_TCTL, INTEL_TCTL_DEFAULT);
}

static void intel_start_rx(struct intel_nic *intel)
{
	uint64_t base = intel->rings_map.dma_addr;

	intel_write(intel, INTEL_RDBAL, (uint32_t)base);
	intel_write(intel, INTEL_RDBAH, (uint32_t)(base >> 32));
	intel_write(intel, INTEL_RDLEN, RX_RING_BYTES);
	intel_write(intel, INTEL_RDH, 0);
	intel_write(intel, INTEL_RDT, 0);
	/* Every multicast: IPv6 neighbour discovery needs its groups, and
	 * the stack drops what it does not want. */
	intel_write(intel, INTEL_RCTL, INTEL_RCTL_EN | INTEL_RCTL_MPE |
				       INTEL_RCTL_BAM | INTEL_RCTL_SECRC);
	intel_refill_rx(intel);
}

static int intel_open(struct net_device *netdev)
{
	struct intel_nic *intel = netdev->priv;
	uint32_t ctrl;
	int rc;

	rc = intel_reset(intel);
	if (rc != 0)
		return rc;
	intel->rings = dma_alloc(intel->pci, &intel->rings_map,
				 RX_RING_BYTES + TX_RING_BYTES);
	if (!intel->rings)
		return -ENOMEM;
	intel->rx_ring = intel->rings;
	intel->tx_ring = (void *)((uint8_t *)intel->rings + RX_RING_BYTES);
	intel->rx_prod = intel->rx_cons = intel->rx_tail = 0;
	intel->tx_prod = intel->tx_cons = 0;
	intel->rx_discarding = false;

	/* Speed and duplex as the PHY negotiated them. */
	ctrl = intel_read(intel, INTEL_CTRL);
	ctrl &= ~(INTEL_CTRL_FRCSPD | INTEL_CTRL_FRCDPX);
	intel_write(intel, INTEL_CTRL, ctrl | INTEL_CTRL_SLU);
	intel_set_filters(intel);
	intel_start_tx(intel);
	intel_start_rx(intel);
	intel_update_link(intel);
	return 0;
}

static void intel_close(struct net_device *netdev)
{
	struct intel_nic *intel = netdev->priv;

	/* Even if the reset times out, the rings are disabled by then. */
	intel_reset(intel);
	intel_release(intel);
}

static int intel_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct intel_nic *intel = netdev->priv;
	unsigned index = intel->tx_prod % INTEL_TX_DESCS;
	struct intel_buffer *buf = &intel->tx[index];
	struct intel_tx_desc *desc = &intel->tx_ring[index];
	size_t len = iob_len(iob);
	int rc;

	if (len > INTEL_TX_MAX_LEN)
		return -EMSGSIZE;
	intel_reap_tx(intel);
	if (intel->tx_prod - intel->tx_cons >= INTEL_TX_DESCS - 1)
		return -ENOBUFS;
	rc = dma_map(intel->pci, &buf->map, iob->data, len, DMA_TO_DEVICE);
	if (rc != 0)
		return rc;
	buf->iob = iob;
	memset(desc, 0, sizeof(*desc));
	desc->addr = cpu_to_le64(buf->map.dma_addr);
	desc->length = cpu_to_le16((uint16_t)len);
	desc->cmd = INTEL_TXD_CMD_EOP | INTEL_TXD_CMD_IFCS | INTEL_TXD_CMD_RS;
	intel->tx_prod++;
	wmb();
	intel_write(intel, INTEL_TDT, intel->tx_prod % INTEL_TX_DESCS);
	DBG2("%s: transmitting %u bytes\n", netdev->name, (unsigned)len);
	return 0;
}

static void intel_poll(struct net_device *netdev)
{
	struct intel_nic *intel = netdev->priv;

	intel_reap_tx(intel);
	intel_reap_rx(intel);
	intel_refill_rx(intel);
	if (pci_nic_link_due(&intel->link_checked_us))
		intel_update_link(intel);
}

const struct net_device_operations intel_operations = {
	.open = intel_open,
	.close = intel_close,
	.transmit = intel_transmit,
	.poll = intel_poll,
};

int intel_init(struct pci_device *pci, struct net_device *netdev)
{
	struct intel_nic *intel = netdev->priv;
	int rc;

	intel->pci = pci;
	intel->netdev = netdev;
	intel->variant = pci_nic_ops(pci)->variant;
	rc = intel_reset(intel);
	if (rc == 0)
		rc = intel_read_mac(intel, netdev->hw_addr);
	if (rc != 0)
		return rc;
	intel_update_link(intel);
	pci_nic_dbg_probed(pci, netdev, "%s", pci->id->name);
	return 0;
}

void intel_quiesce(struct net_device *netdev)
{
	/* Even if the reset times out, the rings are disabled by then. */
	intel_reset(netdev->priv);
}
