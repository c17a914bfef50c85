/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/rtl8139.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c
/*
 * The rtl8139 driver against a model of the chip's receive ring and
 * transmit descriptors (the parts QEMU's model never gets wrong): frames
 * split across the ring's end, the CAPR offset, headers with bad lengths
 * or status (the receiver is reset, nothing is read out of bounds: the
 * ring is a heap block of exactly its size, under AddressSanitizer), a
 * header the chip is still writing, and the four transmit descriptors.
 * The bus, DMA and network-device layer are fakes (plain names).
 */

#include "fake_nic.h"
#include "../../src/drivers/net/rtl8139.h"

extern const struct pci_driver wb_rtl8139_driver;

#define RING_LEN 32768u

/* ---- the chip ---------------------------------------------------------- */

static struct {
	uint8_t mac[ETH_ALEN];
	bool link_down;
	uint8_t cr;		/* RE, TE */
	uint32_t rbstart, rcr;
	unsigned write_offset, read_offset;	/* CBR, CAPR + 16 */
	uint32_t tsd[RTL_TX_DESCRIPTORS], tsad[RTL_TX_DESCRIPTORS];
	unsigned next_tx;
	bool hold_tx;		/* leave transmits unfinished */
	unsigned resets, rcr_writes;
	uint8_t sent[8][RTL_TX_MAX_LEN];
	unsigned sent_len[8], sent_count;
} chip;

static uint8_t *ring(void)
{
	return fake_dma_ptr(chip.rbstart, RING_LEN);
}

static void chip_reset(void)
{
	unsigned i;

	chip.cr = 0;
	chip.write_offset = chip.read_offset = 0;
	chip.next_tx = 0;
	for (i = 0; i < RTL_TX_DESCRIPTORS; i++)
		chip.tsd[i] = RTL_TSD_OWN;
	chip.resets++;
}

static void ring_write(const void *data, size_t len)
{
	size_t first = RING_LEN - chip.write_offset;

	if (first > len)
		first = len;
	memcpy(ring() + chip.write_offset, data, first);
	memcpy(ring(), (const uint8_t *)data + first, len - first);
	chip.write_offset = (chip.write_offset + len) % RING_LEN;
}

/* Stores an entry as the chip does: header, frame, CRC, 4-byte aligned. */
static void chip_receive_raw(uint32_t header, const void *frame, size_t len)
{
	uint8_t crc[RTL_RX_CRC_LEN] = { 0xc0, 0xc1, 0xc2, 0xc3 };

	ring_write(&header, sizeof(header));
	ring_write(frame, len);
	ring_write(crc, sizeof(crc));
	chip.write_offset = ((chip.write_offset + 3) & ~3u) % RING_LEN;
}

static void chip_receive(const void *frame, size_t len)
{
	chip_receive_raw(RTL_RX_STATUS_ROK | (uint32_t)(len + RTL_RX_CRC_LEN) << 16,
			 frame, len);
}

static void chip_transmit(unsigned slot, uint32_t value)
{
	size_t len = value & RTL_TSD_SIZE_MASK;

	CHECK_INT(slot, chip.next_tx);	/* the chip walks them in turn */
	chip.next_tx = (chip.next_tx + 1) % RTL_TX_DESCRIPTORS;
	if (chip.sent_count < 8) {
		memcpy(chip.sent[chip.sent_count], fake_dma_ptr(chip.tsad[slot], len), len);
		chip.sent_len[chip.sent_count++] = len;
	}
	chip.tsd[slot] = value | RTL_TSD_OWN | (chip.hold_tx ? 0 : RTL_TSD_TOK);
}

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	if (offset < RTL_IDR0 + ETH_ALEN)
		return chip.mac[offset];
	if (offset == RTL_CR)
		return chip.cr | (chip.write_offset == chip.read_offset ? RTL_CR_BUFE : 0);
	if (offset == RTL_MSR)
		return chip.link_down ? RTL_MSR_LINKB : 0;
	return 0;
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	if (offset == RTL_CBR)
		return chip.write_offset;
	return 0;
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	if (offset >= RTL_TSD0 && offset < RTL_TSD0 + 4 * RTL_TX_DESCRIPTORS)
		return chip.tsd[(offset - RTL_TSD0) / 4];
	return 0;
}

void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset, uint8_t value)
{
	if (offset == RTL_CR) {
		if (value & RTL_CR_RST)
			chip_reset();
		else
			chip.cr = value & (RTL_CR_RE | RTL_CR_TE);
	}
}

void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset, uint16_t value)
{
	if (offset == RTL_CAPR)
		chip.read_offset = (uint16_t)(value + RTL_CAPR_OFFSET) % RING_LEN;
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	if (offset == RTL_RBSTART) {
		chip.rbstart = value;
	} else if (offset == RTL_RCR) {
		chip.rcr = value;
		chip.rcr_writes++;
		chip.write_offset = chip.read_offset = 0;
	} else if (offset >= RTL_TSAD0 && offset < RTL_TSAD0 + 4 * RTL_TX_DESCRIPTORS) {
		chip.tsad[(offset - RTL_TSAD0) / 4] = value;
	} else if (offset >= RTL_TSD0 && offset < RTL_TSD0 + 4 * RTL_TX_DESCRIPTORS) {
		chip_transmit((offset - RTL_TSD0) / 4, value);
	}
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar == 0 ? 1 : bar == 1 ? 0 : -ENODEV;
}

/* ---- tests --------------------------------------------------------------- */

/* Receives frames of the given length until one was split across the ring
 * end, checking each. */
static void test_frames_across_the_ring_end(struct net_device *netdev)
{
	uint8_t frame[1514];
	bool split = false;
	unsigned n;

	for (n = 0; n < 100 && !split; n++) {
		size_t len = 1000 + n % 500;
		unsigned start = chip.write_offset;

		make_frame(frame, len, (uint8_t)n);
		chip_receive(frame, len);
		split = start + 4 + len > RING_LEN;
		netdev->op->poll(netdev);
		CHECK_INT(received_count, 1);
		if (received_count != 1)
			return;
		CHECK_INT(iob_len(received[0]), len);
		CHECK(memcmp(received[0]->data, frame, len) == 0);
		/* The ring is handed back whole, through the CAPR offset. */
		CHECK_INT(chip.read_offset, chip.write_offset);
		drop_received();
	}
	CHECK(split);
	CHECK_INT(rx_errors, 0);
	CHECK_INT(chip.rcr_writes, 1);
}

static void check_receiver_reset_after(uint32_t header)
{
	uint8_t frame[64];
	unsigned errors = rx_errors, resets = chip.rcr_writes;

	make_frame(frame, sizeof(frame), 1);
	chip_receive(frame, sizeof(frame));
	chip_receive_raw(header, frame, sizeof(frame));
	chip_receive(frame, sizeof(frame));
	registered->op->poll(registered);
	/* The frame before it arrived; the receiver started over. */
	CHECK_INT(received_count, 1);
	CHECK_INT(rx_errors, errors + 1);
	CHECK_INT(chip.rcr_writes, resets + 1);
	CHECK_INT(chip.write_offset, 0);
	CHECK_INT(chip.read_offset, 0);
	CHECK_INT(chip.cr, RTL_CR_RE | RTL_CR_TE);
	drop_received();
	/* And it works afterwards. */
	chip_receive(frame, sizeof(frame));
	registered->op->poll(registered);
	CHECK_INT(received_count, 1);
	drop_received();
}

static void test_bad_headers(void)
{
	/* Lengths the ring cannot hold, or shorter than a header plus CRC. */
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 0xfff4u << 16);
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 0x8000u << 16);
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 1523u << 16);
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 0u << 16);
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 17u << 16);
	/* A status without "received OK", or with an error bit. */
	check_receiver_reset_after(0u | 68u << 16);
	check_receiver_reset_after(RTL_RX_STATUS_ROK | 0x0004 | 68u << 16);
}

static void test_header_being_written(void)
{
	uint8_t frame[64];
	unsigned start = chip.write_offset;

	make_frame(frame, sizeof(frame), 2);
	chip_receive_raw(RTL_RX_STATUS_ROK | (uint32_t)RTL_RX_LEN_IN_PROGRESS << 16,
			 frame, sizeof(frame));
	registered->op->poll(registered);
	CHECK_INT(received_count, 0);
	CHECK_INT(chip.read_offset, start);
	/* The chip finishes the header: the frame arrives. */
	*(uint32_t *)(ring() + start) = RTL_RX_STATUS_ROK | (uint32_t)(sizeof(frame) + 4) << 16;
	registered->op->poll(registered);
	CHECK_INT(received_count, 1);
	drop_received();
}

static void test_transmit(struct net_device *netdev)
{
	struct io_buffer *iob;
	unsigned i;

	/* A runt goes out padded with zeros. */
	iob = wb_alloc_iob(64);
	memset(iob_put(iob, 42), 0xab, 42);
	CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	CHECK_INT(chip.sent_len[0], 60);
	CHECK(chip.sent[0][41] == 0xab && chip.sent[0][42] == 0 && chip.sent[0][59] == 0);
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 1);

	/* Four in flight at most, completed in order once sent. */
	chip.hold_tx = true;
	for (i = 0; i < RTL_TX_DESCRIPTORS; i++) {
		iob = wb_alloc_iob(100);
		memset(iob_put(iob, 100), (int)i, 100);
		CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	}
	iob = wb_alloc_iob(100);
	iob_put(iob, 100);
	CHECK_INT(netdev->op->transmit(netdev, iob), -ENOBUFS);
	wb_free_iob(iob);
	CHECK_INT(tx_completed, 1);
	for (i = 0; i < RTL_TX_DESCRIPTORS; i++)
		chip.tsd[i] |= RTL_TSD_TOK;
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 5);
	chip.hold_tx = false;

	/* Too long for a descriptor. */
	iob = wb_alloc_iob(RTL_TX_MAX_LEN + 1);
	iob_put(iob, RTL_TX_MAX_LEN + 1);
	CHECK_INT(netdev->op->transmit(netdev, iob), -EMSGSIZE);
	wb_free_iob(iob);
}

int main(void)
{
	static const struct pci_device_id id = PCI_ID(0x10ec, 0x8139, "rtl8139", 0);
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x81, 0x39, 0x07 };
	struct pci_device pci = { .vendor = 0x10ec, .device = 0x8139, .id = &id,
				   .driver = &wb_rtl8139_driver };
	struct net_device *netdev;

	fake_dma_32bit = true;	/* the chip takes 32-bit bus addresses */
	memcpy(chip.mac, mac, ETH_ALEN);
	netdev = fake_probe(&pci, mac);
	if (!netdev)
		return unit_finish();
	CHECK(netdev_link_ok(netdev));

	CHECK_INT(netdev->op->open(netdev), 0);
	netdev->is_open = true;
	CHECK_INT(live_blocks, 2);
	CHECK_INT(chip.cr, RTL_CR_RE | RTL_CR_TE);
	CHECK_INT((chip.rcr >> RTL_RCR_RBLEN_SHIFT) & 3, 2);	/* 32 KiB */
	CHECK(!(chip.rcr & RTL_RCR_WRAP));
	CHECK(ring() != NULL);

	test_frames_across_the_ring_end(netdev);
	test_bad_headers();
	test_header_being_written();
	test_transmit(netdev);

	chip.link_down = true;
	netdev->op->poll(netdev);
	CHECK(!netdev_link_ok(netdev));

	/* Removal closes: the chip is reset and every buffer freed. */
	wb_rtl8139_driver.remove(&pci);
	CHECK_INT(chip.cr, 0);
	CHECK_INT(live_blocks, 0);
	CHECK(registered == NULL);
	return unit_finish();
}
