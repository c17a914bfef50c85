/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/pcnet.c src/drivers/net/pci_nic.c src/core/iobuf.c src/core/poll.c
/*
 * The pcnet driver against a model of the PCnet-PCI II's registers (RAP,
 * RDP, BDP in DWIO mode), its initialization block and descriptor rings:
 * frames received in order, lengths the chip reports that no buffer holds
 * (dropped, nothing read past the buffer), a chip that refills every
 * receive descriptor the moment it is handed back (poll() must still
 * return after one ring's worth, and the next poll goes on in order), and
 * a frame sent. The chip reaches memory only through live DMA mappings
 * below 4 GiB (see fake_nic.h).
 */

#include "fake_nic.h"
#include "../../src/drivers/net/pcnet.h"

extern const struct pci_driver wb_pcnet_driver;

#define RING_SIZE 32	/* the driver's receive ring, from its init block */

/* ---- the chip ---------------------------------------------------------- */

static struct {
	uint8_t mac[ETH_ALEN];
	bool link_up;
	uint32_t rap;
	uint16_t csr0, iadr_low, iadr_high, swstyle;
	unsigned resets;
	uint32_t rx_ring, tx_ring;
	unsigned rx_size, tx_size, rx_next, tx_next;
	unsigned seq;			/* frames stored so far */
	uint16_t msg_length_override;	/* report this length instead */
	uint8_t sent[4][ETH_FRAME_LEN];
	unsigned sent_len[4], sent_count;
} chip;

static void chip_reset(void)
{
	chip.csr0 = PCNET_CSR0_STOP;
	chip.swstyle = 0;
	chip.resets++;
}

static void chip_init(void)
{
	uint32_t address = chip.iadr_low | (uint32_t)chip.iadr_high << 16;
	struct pcnet_init_block *init = fake_dma_ptr(address, sizeof(*init));

	CHECK_INT(chip.swstyle, PCNET_SWSTYLE_PCNET_PCI);
	if (!init)
		return;
	chip.rx_size = 1u << (init->rx_length_log2 >> PCNET_RING_LOG2_SHIFT);
	chip.tx_size = 1u << (init->tx_length_log2 >> PCNET_RING_LOG2_SHIFT);
	chip.rx_ring = init->rx_ring;
	chip.tx_ring = init->tx_ring;
	chip.rx_next = chip.tx_next = 0;
	CHECK(memcmp(init->mac, chip.mac, ETH_ALEN) == 0);
	chip.csr0 |= PCNET_CSR0_IDON;
}

static unsigned buffer_len(uint16_t negative)
{
	return (0x1000u - (negative & PCNET_BCNT_MASK)) & PCNET_BCNT_MASK;
}

static void chip_transmit(void)
{
	for (;;) {
		struct pcnet_tx_desc *desc =
			fake_dma_ptr(chip.tx_ring + chip.tx_next * sizeof(*desc),
				     sizeof(*desc));
		unsigned len;

		if (!desc || !(desc->status & PCNET_DESC_OWN))
			return;
		len = buffer_len(desc->length);
		CHECK((desc->status & (PCNET_DESC_STP | PCNET_DESC_ENP)) ==
		      (PCNET_DESC_STP | PCNET_DESC_ENP));
		if (chip.sent_count < 4 && len <= ETH_FRAME_LEN) {
			memcpy(chip.sent[chip.sent_count],
			       fake_dma_ptr(desc->address, len), len);
			chip.sent_len[chip.sent_count++] = len;
		}
		desc->status &= ~PCNET_DESC_OWN;
		chip.tx_next = (chip.tx_next + 1) % chip.tx_size;
	}
}

/* Stores the next frame of the sequence (its first byte says which) in
 * the next receive descriptor; false if the chip does not own it. */
static bool chip_receive(size_t len)
{
	struct pcnet_rx_desc *desc =
		fake_dma_ptr(chip.rx_ring + chip.rx_next * sizeof(*desc), sizeof(*desc));
	uint8_t frame[ETH_FRAME_LEN + PCNET_FCS_LEN];
	uint8_t *buffer;

	if (!desc || !(desc->status & PCNET_DESC_OWN) ||
	    !(chip.csr0 & PCNET_CSR0_STRT))
		return false;
	CHECK(buffer_len(desc->buffer_length) >= len + PCNET_FCS_LEN);
	buffer = fake_dma_ptr(desc->address, len + PCNET_FCS_LEN);
	if (!buffer)
		return false;
	make_frame(frame, len + PCNET_FCS_LEN, chip.seq);
	frame[0] = (uint8_t)chip.seq++;
	memcpy(buffer, frame, len + PCNET_FCS_LEN);
	desc->msg_length = chip.msg_length_override ? chip.msg_length_override :
			   (uint32_t)(len + PCNET_FCS_LEN);
	desc->status = PCNET_DESC_STP | PCNET_DESC_ENP;
	chip.rx_next = (chip.rx_next + 1) % chip.rx_size;
	return true;
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	switch (offset) {
	case PCNET_APROM:
		return chip.mac[0] | chip.mac[1] << 8 | chip.mac[2] << 16 |
		       (uint32_t)chip.mac[3] << 24;
	case PCNET_APROM + 4:
		return chip.mac[4] | chip.mac[5] << 8;
	case PCNET_RESET:
		chip_reset();
		return 0;
	case PCNET_RDP:
		return chip.rap == PCNET_CSR0 ? chip.csr0 : 0;
	case PCNET_BDP:
		if (chip.rap == PCNET_BCR_LNKST)
			return chip.link_up ? PCNET_BCR_LNKST_LEDOUT : 0;
		return chip.rap == PCNET_BCR_SWSTYLE ? chip.swstyle : 0;
	}
	return 0;
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	return 0;	/* 16-bit (WIO) accesses do nothing in DWIO mode */
}

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	return 0;
}

static void write_csr0(uint32_t value)
{
	if (value & PCNET_CSR0_STOP) {
		chip.csr0 = PCNET_CSR0_STOP;
		return;
	}
	if (value & PCNET_CSR0_IDON)
		chip.csr0 &= ~PCNET_CSR0_IDON;
	if (value & PCNET_CSR0_INIT)
		chip_init();
	if (value & PCNET_CSR0_STRT)
		chip.csr0 = (chip.csr0 & ~PCNET_CSR0_STOP) | PCNET_CSR0_STRT;
	if (value & PCNET_CSR0_TDMD)
		chip_transmit();
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	if (offset == PCNET_RAP) {
		chip.rap = value;
	} else if (offset == PCNET_RDP) {
		if (chip.rap == PCNET_CSR0)
			write_csr0(value);
		else if (chip.rap == PCNET_CSR_IADR_LOW)
			chip.iadr_low = (uint16_t)value;
		else if (chip.rap == PCNET_CSR_IADR_HIGH)
			chip.iadr_high = (uint16_t)value;
	} else if (offset == PCNET_BDP && chip.rap == PCNET_BCR_SWSTYLE) {
		chip.swstyle = (uint16_t)value;
	}
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar == PCNET_IO_BAR ? 1 : -ENODEV;
}

/* ---- tests --------------------------------------------------------------- */

static const struct fake_rx_model model = { chip_receive, &chip.seq, RING_SIZE };

static void test_bad_lengths(struct net_device *netdev)
{
	static const uint16_t lengths[] = { 0x0fff, NETDEV_RX_BUFFER_LEN + 1, 3,
					    ETH_HLEN + PCNET_FCS_LEN - 1 };
	unsigned i, errors = rx_errors;

	for (i = 0; i < 4; i++) {
		chip.msg_length_override = lengths[i];
		CHECK(chip_receive(60));
	}
	chip.msg_length_override = 0;
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 0);
	CHECK_INT(rx_errors, errors + 4);
	/* The descriptors went back to the chip: reception goes on. */
	CHECK(chip_receive(100));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
}

static void test_transmit(struct net_device *netdev)
{
	struct io_buffer *iob = wb_alloc_iob(100);
	uint8_t frame[100];

	make_frame(frame, sizeof(frame), 9);
	memcpy(iob_put(iob, sizeof(frame)), frame, sizeof(frame));
	CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	CHECK_INT(chip.sent_count, 1);
	CHECK(memcmp(chip.sent[0], frame, sizeof(frame)) == 0);
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 1);
}

int main(void)
{
	static const struct pci_device_id id = PCI_ID(0x1022, 0x2000, "am79c970a", 0);
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x20, 0x00, 0x05 };
	struct pci_device pci = { .vendor = 0x1022, .device = 0x2000, .id = &id,
				  .driver = &wb_pcnet_driver };
	struct net_device *netdev;

	fake_dma_32bit = true;
	memcpy(chip.mac, mac, ETH_ALEN);
	chip.link_up = true;
	netdev = fake_probe(&pci, mac);
	if (!netdev)
		return unit_finish();
	CHECK(netdev_link_ok(netdev));
	CHECK(chip.resets >= 1);

	CHECK_INT(netdev->op->open(netdev), 0);
	netdev->is_open = true;
	CHECK_INT(chip.rx_size, RING_SIZE);
	CHECK(chip.csr0 & PCNET_CSR0_STRT);

	fake_test_receive_stream(netdev, &model);
	test_bad_lengths(netdev);
	fake_test_refilling_chip(netdev, &model);
	test_transmit(netdev);

	/* Removal closes: the chip is reset and every buffer unmapped. */
	wb_pcnet_driver.remove(&pci);
	CHECK(registered == NULL);
	CHECK_INT(live_blocks, 0);
	CHECK_INT(live_mappings, 0);
	return unit_finish();
}
