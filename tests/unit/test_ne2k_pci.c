/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/ne2k_pci.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c
/*
 * The ne2k-pci driver against a model of the DP8390's buffer memory,
 * remote DMA and receive ring: the MAC address from the PROM, frames split
 * across the ring's end, ring entries whose header makes no sense (the
 * chip is started over), the datasheet's overflow recovery (which QEMU's
 * model never needs) and the transmit queue in front of the one transmit
 * buffer. The bus and network-device layer are fakes (plain names).
 */

#include "fake_nic.h"
#include "../../src/drivers/net/ne2k_pci.h"

extern const struct pci_driver wb_ne2k_pci_driver;

/* ---- the chip ---------------------------------------------------------- */

static struct {
	uint8_t mem[NE_MEMORY_STOP_PAGE * NE_PAGE_SIZE];
	uint8_t cr, pstart, pstop, bnry, tpsr, isr, rcr, tcr, dcr, curr;
	uint16_t tbcr, rsar, rbcr;
	bool hold_tx;			/* leave a transmit unfinished */
	unsigned resets, dropped;
	bool drained_in_loopback;	/* ring read while TCR = loopback */
	uint8_t sent[16][1536];
	unsigned sent_len[16], sent_count;
} chip;

static unsigned page(void)
{
	return chip.cr >> 6;
}

static bool started(void)
{
	return !(chip.cr & NE_CR_STP);
}

static void chip_send(void)
{
	if (chip.sent_count < 16) {
		memcpy(chip.sent[chip.sent_count], chip.mem + chip.tpsr * NE_PAGE_SIZE,
		       chip.tbcr);
		chip.sent_len[chip.sent_count++] = chip.tbcr;
	}
	if (!chip.hold_tx) {
		chip.cr &= ~NE_CR_TXP;
		chip.isr |= NE_ISR_PTX;
	}
}

static void chip_finish_tx(void)
{
	chip.cr &= ~NE_CR_TXP;
	chip.isr |= NE_ISR_PTX;
}

static unsigned ring_free_pages(void)
{
	unsigned size = chip.pstop - chip.pstart;

	return (chip.bnry + size - chip.curr) % size;
}

/* Stores a frame as the chip does; false when the ring overflowed. */
static bool chip_receive(const void *frame, size_t len)
{
	unsigned count = len + NE_RX_HEADER_LEN;
	unsigned pages = (count + NE_PAGE_SIZE - 1) / NE_PAGE_SIZE;
	unsigned next = chip.curr + pages, addr, i;

	if (!started() || (chip.rcr & NE_RCR_MON))
		return false;
	if (pages >= ring_free_pages()) {
		chip.isr |= NE_ISR_OVW;
		chip.dropped++;
		return false;
	}
	if (next >= chip.pstop)
		next -= chip.pstop - chip.pstart;
	addr = chip.curr * NE_PAGE_SIZE;
	chip.mem[addr] = 0x01;
	chip.mem[addr + 1] = next;
	chip.mem[addr + 2] = count & 0xff;
	chip.mem[addr + 3] = count >> 8;
	addr += NE_RX_HEADER_LEN;
	for (i = 0; i < len; i++) {
		if (addr == chip.pstop * NE_PAGE_SIZE)
			addr = chip.pstart * NE_PAGE_SIZE;
		chip.mem[addr++] = ((const uint8_t *)frame)[i];
	}
	chip.curr = next;
	chip.isr |= NE_ISR_PRX;
	return true;
}

static void remote_dma_step(void)
{
	chip.rsar += 2;
	if (chip.rbcr <= 2) {
		chip.rbcr = 0;
		chip.isr |= NE_ISR_RDC;
	} else {
		chip.rbcr -= 2;
	}
}

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	if (offset == NE_RESET) {
		chip.resets++;
		chip.cr = NE_CR_STP | NE_CR_NODMA;
		chip.isr = NE_ISR_RST;
		return 0;
	}
	if (offset == NE_CR)
		return chip.cr;
	if (page() == 0 && offset == NE_ISR)
		return chip.isr;
	if (page() == 0 && offset == NE_BNRY)
		return chip.bnry;
	if (page() == 1 && offset == NE_CURR)
		return chip.curr;
	return 0;
}

void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset, uint8_t value)
{
	if (offset == NE_CR) {
		/* Writing 0 to TXP has no effect; a stop cuts a transmit off. */
		chip.cr = value | (chip.cr & NE_CR_TXP);
		if (value & NE_CR_STP) {
			chip.cr &= ~NE_CR_TXP;
			chip.isr |= NE_ISR_RST;
		}
		if ((value & NE_CR_TXP) && started())
			chip_send();
		return;
	}
	if (page() == 1) {
		if (offset == NE_CURR)
			chip.curr = value;
		return;
	}
	switch (offset) {
	case NE_PSTART: chip.pstart = value; break;
	case NE_PSTOP: chip.pstop = value; break;
	case NE_BNRY: chip.bnry = value; break;
	case NE_TPSR: chip.tpsr = value; break;
	case NE_TBCR0: chip.tbcr = (chip.tbcr & 0xff00) | value; break;
	case NE_TBCR1: chip.tbcr = (chip.tbcr & 0xff) | value << 8; break;
	case NE_ISR: chip.isr &= ~value; break;
	case NE_RSAR0: chip.rsar = (chip.rsar & 0xff00) | value; break;
	case NE_RSAR1: chip.rsar = (chip.rsar & 0xff) | value << 8; break;
	case NE_RBCR0: chip.rbcr = (chip.rbcr & 0xff00) | value; break;
	case NE_RBCR1: chip.rbcr = (chip.rbcr & 0xff) | value << 8; break;
	case NE_RCR: chip.rcr = value; break;
	case NE_TCR: chip.tcr = value; break;
	case NE_DCR: chip.dcr = value; break;
	}
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	uint16_t word;

	CHECK(offset == NE_DATA && chip.rbcr > 0 && (chip.dcr & NE_DCR_WTS));
	CHECK(chip.rsar + 2u <= sizeof(chip.mem));
	if (chip.tcr == NE_TCR_LOOPBACK && chip.rsar >= chip.pstart * NE_PAGE_SIZE)
		chip.drained_in_loopback = true;
	word = chip.mem[chip.rsar] | chip.mem[chip.rsar + 1] << 8;
	remote_dma_step();
	return word;
}

void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset, uint16_t value)
{
	CHECK(offset == NE_DATA && chip.rbcr > 0);
	CHECK(chip.rsar >= NE_MEMORY_START_PAGE * NE_PAGE_SIZE &&
	      chip.rsar + 2u <= sizeof(chip.mem));
	chip.mem[chip.rsar] = value & 0xff;
	chip.mem[chip.rsar + 1] = value >> 8;
	remote_dma_step();
}

/* The data port moves a double word as two words. */
uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	uint32_t low = pci_bar_read16(pci, bar, offset);

	return low | (uint32_t)pci_bar_read16(pci, bar, offset) << 16;
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	pci_bar_write16(pci, bar, offset, value & 0xffff);
	pci_bar_write16(pci, bar, offset, value >> 16);
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar == 0 ? 1 : -ENODEV;
}

/* ---- tests --------------------------------------------------------------- */

static uint8_t bnry_for(uint8_t next)
{
	return (next == chip.pstart ? chip.pstop : next) - 1;
}

static void test_frames_across_the_ring_end(struct net_device *netdev)
{
	uint8_t frame[1514];
	bool split = false;
	unsigned n;

	for (n = 0; n < 60 && !split; n++) {
		size_t len = 1001 + n % 400;	/* odd and even lengths */
		unsigned start = chip.curr;

		make_frame(frame, len, n);
		CHECK(chip_receive(frame, len));
		split = start * NE_PAGE_SIZE + NE_RX_HEADER_LEN + len >
			chip.pstop * NE_PAGE_SIZE;
		netdev->op->poll(netdev);
		CHECK_INT(received_total, n + 1);
		CHECK_INT(last_len, len);
		CHECK(memcmp(last_frame, frame, len) == 0);
		CHECK_INT(chip.bnry, bnry_for(chip.curr));
	}
	CHECK(split);
	CHECK_INT(rx_errors, 0);
}

static void check_restart_after_header(uint8_t status, uint8_t next, unsigned count)
{
	uint8_t frame[100];
	unsigned resets = chip.resets, received = received_total;
	unsigned addr = chip.curr * NE_PAGE_SIZE;

	make_frame(frame, sizeof(frame), 3);
	CHECK(chip_receive(frame, sizeof(frame)));
	addr = chip.curr * NE_PAGE_SIZE;
	CHECK(chip_receive(frame, sizeof(frame)));
	chip.mem[addr] = status;
	chip.mem[addr + 1] = next;
	chip.mem[addr + 2] = count & 0xff;
	chip.mem[addr + 3] = count >> 8;
	registered->op->poll(registered);
	CHECK_INT(received_total, received + 1);
	CHECK_INT(chip.resets, resets + 1);
	CHECK_INT(chip.curr, chip.pstart + 1);
	CHECK_INT(chip.bnry, chip.pstart);
	CHECK(started() && chip.tcr == 0 && !(chip.rcr & NE_RCR_MON));
	/* And it works afterwards. */
	CHECK(chip_receive(frame, sizeof(frame)));
	registered->op->poll(registered);
	CHECK_INT(received_total, received + 2);
}

static void test_bad_headers(void)
{
	unsigned errors = rx_errors;

	check_restart_after_header(0x01, NE_MEMORY_STOP_PAGE, 104);	/* next outside */
	check_restart_after_header(0x01, 0x10, 104);
	check_restart_after_header(0x01, chip.pstart + 3, 0xffff);	/* too long */
	check_restart_after_header(0x01, chip.pstart + 3, 1527);
	check_restart_after_header(0x01, chip.pstart + 3, 3);		/* too short */
	check_restart_after_header(0x02, chip.pstart + 3, 104);	/* CRC error */
	CHECK_INT(rx_errors, errors + 6);
}

static void test_overflow_recovery(struct net_device *netdev)
{
	uint8_t frame[1000];
	unsigned stored = 0, received = received_total;
	struct io_buffer *iob;

	/* A frame is on the wire when the ring fills up. */
	chip.hold_tx = true;
	iob = wb_alloc_iob(100);
	memset(iob_put(iob, 100), 0x5a, 100);
	CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	CHECK_INT(chip.sent_count, 1);

	make_frame(frame, sizeof(frame), 9);
	while (chip_receive(frame, sizeof(frame)))
		stored++;
	CHECK(stored > 5);
	CHECK(chip.isr & NE_ISR_OVW);
	chip.drained_in_loopback = false;
	netdev->op->poll(netdev);
	CHECK_INT(received_total, received + stored);
	CHECK(chip.drained_in_loopback);
	CHECK(!(chip.isr & NE_ISR_OVW));
	CHECK(started() && chip.tcr == NE_TCR_NORMAL);
	CHECK_INT(chip.bnry, bnry_for(chip.curr));
	/* The stop cut the transmit off: it was sent again. */
	CHECK_INT(chip.sent_count, 2);
	chip_finish_tx();
	chip.hold_tx = false;
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 1);
	/* Frames flow again. */
	CHECK(chip_receive(frame, sizeof(frame)));
	netdev->op->poll(netdev);
	CHECK_INT(received_total, received + stored + 1);
}

static void test_transmit_queue(struct net_device *netdev)
{
	struct io_buffer *iob;
	unsigned i, sent = chip.sent_count, completed = tx_completed;

	chip.hold_tx = true;
	for (i = 0; i < 8; i++) {
		iob = wb_alloc_iob(64);
		memset(iob_put(iob, 41), (int)i, 41);	/* runts, odd length */
		CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	}
	iob = wb_alloc_iob(64);
	iob_put(iob, 41);
	CHECK_INT(netdev->op->transmit(netdev, iob), -ENOBUFS);
	wb_free_iob(iob);
	/* One on the wire at a time, each padded with zeros. */
	for (i = 0; i < 8; i++) {
		CHECK_INT(chip.sent_count, sent + i + 1);
		CHECK_INT(chip.sent_len[sent + i], 60);
		CHECK(chip.sent[sent + i][40] == i && chip.sent[sent + i][41] == 0 &&
		      chip.sent[sent + i][59] == 0);
		chip_finish_tx();
		netdev->op->poll(netdev);
		CHECK_INT(tx_completed, completed + i + 1);
	}
	chip.hold_tx = false;

	iob = wb_alloc_iob(1600);
	iob_put(iob, 1519);
	CHECK_INT(netdev->op->transmit(netdev, iob), -EMSGSIZE);
	wb_free_iob(iob);
}

int main(void)
{
	static const struct pci_device_id id = PCI_ID(0x10ec, 0x8029, "rtl8029", 0);
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x80, 0x29, 0x07 };
	struct pci_device pci = { .vendor = 0x10ec, .device = 0x8029, .id = &id,
				   .driver = &wb_ne2k_pci_driver };
	struct net_device *netdev;
	unsigned i;

	for (i = 0; i < 16; i++)
		chip.mem[2 * i] = chip.mem[2 * i + 1] = i < ETH_ALEN ? mac[i] : 0x57;
	netdev = fake_probe(&pci, mac);
	if (!netdev)
		return unit_finish();
	CHECK(netdev_link_ok(netdev));
	CHECK(!started());

	CHECK_INT(netdev->op->open(netdev), 0);
	netdev->is_open = true;
	CHECK(started());
	CHECK(chip.pstart > NE_MEMORY_START_PAGE && chip.pstop == NE_MEMORY_STOP_PAGE);
	CHECK(chip.rcr & NE_RCR_AB);

	test_frames_across_the_ring_end(netdev);
	test_bad_headers();
	test_overflow_recovery(netdev);
	test_transmit_queue(netdev);
	CHECK_INT(tx_failed, 0);

	wb_ne2k_pci_driver.remove(&pci);
	CHECK(!started());
	CHECK(registered == NULL);
	drop_received();
	return unit_finish();
}
