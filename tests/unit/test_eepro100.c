/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/eepro100.c src/drivers/net/pci_nic.c src/drivers/net/microwire.c src/core/iobuf.c src/core/poll.c
/*
 * The eepro100 driver against a model of the 8255x: the serial EEPROM
 * (MAC, PHY address, checksum) through the shared 93Cx6 model, the SCB
 * commands, the command unit walking simplified blocks (address setup,
 * transmits, suspend and resume) and the receive unit filling the
 * receive frame area up to the end-of-list mark. The receive unit here
 * is more eager than the silicon: it goes on as soon as the mark moves,
 * so it refills every descriptor the driver recycles at once; poll()
 * must still return after one ring's worth, and the next poll goes on
 * in order. Counts that no descriptor holds are dropped. The chip
 * reaches memory only through live DMA mappings below 4 GiB.
 *
 * Two ways of QEMU's model can be switched on: the complete bit written
 * before the count and the frame, which follow at the next register
 * access (its register accesses wait for a receive in progress); and the
 * end-of-list mark read when the receive unit moves onto a descriptor,
 * the unit then out of resources until the next RU start, whatever the
 * driver did to the mark meanwhile.
 */

#include "fake_nic.h"
#include "fake_93cx6.h"
#include "../../src/drivers/net/eepro100.h"

extern const struct pci_driver wb_eepro100_driver;

#define RING_SIZE 128	/* the driver's receive frame area */
#define PHY_ADDRESS 1

/* ---- the chip ---------------------------------------------------------- */

static struct {
	uint32_t pointer, mdi;
	bool link_up;
	bool cu_started;
	uint32_t cu_block;	/* the block the CU rests on */
	bool ru_started, ru_waiting;	/* waiting: filled the EL descriptor */
	uint32_t ru_block;
	unsigned resets, seq;
	uint16_t count_override;	/* report this count instead */
	bool late_frame;	/* complete bit first, frame at the next access */
	struct e100_rfd *pending;	/* such a frame not written yet */
	size_t pending_len;
	unsigned pending_seq;
	bool early_mark;	/* the mark read on moving to a descriptor */
	bool mark_seen;		/* what it read there */
	uint8_t sent[4][ETH_FRAME_LEN];
	unsigned sent_len[4], sent_count;
} chip;

static void *block(uint32_t bus, size_t len)
{
	return fake_dma_ptr(bus, len);
}

/* Runs the block at bus; returns whether the CU suspends after it. */
static bool cu_execute(uint32_t bus)
{
	struct e100_cb_header *header = block(bus, sizeof(*header));
	unsigned command;

	if (!header)
		return true;
	command = header->command & 0x7;
	if (command == E100_CMD_TX) {
		struct e100_txcb *tcb = block(bus, sizeof(*tcb));
		unsigned len = tcb->byte_count & 0x3fff;

		CHECK(tcb->byte_count & E100_TCB_EOF);
		CHECK(len <= E100_FRAME_SPACE);
		if (chip.sent_count < 4 && len <= ETH_FRAME_LEN) {
			memcpy(chip.sent[chip.sent_count], tcb->data, len);
			chip.sent_len[chip.sent_count++] = len;
		}
	} else {
		CHECK_INT(command, E100_CMD_IA_SETUP);
	}
	header->status = E100_STATUS_C | E100_STATUS_OK;
	chip.cu_block = bus;
	return header->command & E100_COMMAND_S;
}

/* Resume: on to the next block unless the one rested on still says
 * suspend. */
static void cu_resume(void)
{
	struct e100_cb_header *header = block(chip.cu_block, sizeof(*header));

	while (header && !(header->command & E100_COMMAND_S)) {
		if (cu_execute(header->link))
			return;
		header = block(chip.cu_block, sizeof(*header));
	}
}

/* The receive unit moves onto the descriptor at bus. */
static void ru_move(uint32_t bus)
{
	struct e100_rfd *rfd = block(bus, sizeof(*rfd));

	chip.ru_block = bus;
	chip.mark_seen = rfd && (rfd->command & E100_COMMAND_EL);
}

/* The count and frame of a late_frame receive, before any register
 * access is answered. */
static void finish_frame(void)
{
	struct e100_rfd *rfd = chip.pending;

	if (!rfd)
		return;
	make_frame(rfd->data, chip.pending_len, chip.pending_seq);
	rfd->data[0] = (uint8_t)chip.pending_seq;
	rfd->count = (uint16_t)(chip.pending_len | 0xc000);	/* EOF, F */
	chip.pending = NULL;
}

/* Stores the next frame of the sequence (its first byte says which);
 * false if the receive unit has nowhere to put it. */
static bool chip_receive(size_t len)
{
	struct e100_rfd *rfd;
	bool last;

	finish_frame();
	if (!chip.ru_started)
		return false;
	if (chip.ru_waiting) {
		rfd = block(chip.ru_block, sizeof(*rfd));
		if (chip.early_mark || !rfd || (rfd->command & E100_COMMAND_EL))
			return false;
		chip.ru_waiting = false;
		ru_move(rfd->link);
	}
	rfd = block(chip.ru_block, sizeof(*rfd));
	if (!rfd || (rfd->status & E100_STATUS_C))
		return false;	/* not read yet */
	CHECK(rfd->size >= len);
	last = chip.early_mark ? chip.mark_seen : (rfd->command & E100_COMMAND_EL);
	if (chip.late_frame && !chip.count_override) {
		chip.pending = rfd;
		chip.pending_len = len;
		chip.pending_seq = chip.seq++;
	} else {
		make_frame(rfd->data, len, chip.seq);
		rfd->data[0] = (uint8_t)chip.seq++;
		rfd->count = chip.count_override ? chip.count_override :
			     (uint16_t)(len | 0xc000);	/* EOF, F */
	}
	rfd->status = E100_STATUS_C | E100_STATUS_OK;
	if (last)
		chip.ru_waiting = true;
	else
		ru_move(rfd->link);
	return true;
}

static void chip_command(uint8_t command)
{
	switch (command & 0xf0) {
	case E100_CU_START:
		chip.cu_started = true;
		cu_execute(chip.pointer);
		break;
	case E100_CU_RESUME:
		if (chip.cu_started)
			cu_resume();
		break;
	}
	switch (command & 0x0f) {
	case E100_RU_START:
		chip.ru_started = true;
		chip.ru_waiting = false;
		ru_move(chip.pointer);
		break;
	}
}

/* Ready, or out of resources: waiting on a descriptor still marked as
 * the end of the list. */
static bool ru_ready(void)
{
	struct e100_rfd *rfd;

	if (!chip.ru_started)
		return false;
	if (!chip.ru_waiting)
		return true;
	if (chip.early_mark)
		return false;
	rfd = block(chip.ru_block, sizeof(*rfd));
	return rfd && !(rfd->command & E100_COMMAND_EL);
}

uint8_t pci_bar_read8(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	finish_frame();
	if (offset == E100_SCB_STATUS)
		return ru_ready() ? E100_RU_READY << 2 : 0x2 << 2;
	return 0;	/* SCB command: taken at once */
}

uint16_t pci_bar_read16(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	finish_frame();
	return offset == E100_EEPROM_CONTROL ? (uint16_t)part_read(NULL) : 0;
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	unsigned phy = (chip.mdi >> E100_MDI_PHY_SHIFT) & 0x1f;
	unsigned reg = (chip.mdi >> E100_MDI_REGISTER_SHIFT) & 0x1f;

	finish_frame();
	if (offset != E100_MDI_CONTROL)
		return 0;
	CHECK_INT(phy, PHY_ADDRESS);
	if (reg == E100_MII_BMSR)
		return E100_MDI_READY | 0x7800 | (chip.link_up ? E100_MII_BMSR_LINK : 0);
	return E100_MDI_READY;
}

void pci_bar_write8(struct pci_device *pci, unsigned bar, uint64_t offset, uint8_t value)
{
	finish_frame();
	if (offset == E100_SCB_COMMAND)
		chip_command(value);
}

void pci_bar_write16(struct pci_device *pci, unsigned bar, uint64_t offset, uint16_t value)
{
	finish_frame();
	if (offset == E100_EEPROM_CONTROL)
		part_write(NULL, value);
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	finish_frame();
	if (offset == E100_SCB_POINTER) {
		chip.pointer = value;
	} else if (offset == E100_PORT) {
		chip.cu_started = chip.ru_started = chip.ru_waiting = false;
		chip.resets++;
	} else if (offset == E100_MDI_CONTROL) {
		chip.mdi = value;
	}
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar == E100_CSR_BAR ? 0 : -ENODEV;
}

/* ---- tests --------------------------------------------------------------- */

static const struct fake_rx_model model = { chip_receive, &chip.seq, RING_SIZE };

static void set_eeprom(const uint8_t *mac)
{
	uint16_t sum = 0;
	unsigned i;

	wire(6, E100_EE_CS, E100_EE_SK, E100_EE_DI, E100_EE_DO, 0);
	for (i = 0; i < ETH_ALEN / 2; i++)
		part.words[i] = (uint16_t)(mac[2 * i] | mac[2 * i + 1] << 8);
	part.words[E100_EE_WORD_PHY] = PHY_ADDRESS;
	for (i = 0; i < 63; i++)
		sum = (uint16_t)(sum + part.words[i]);
	part.words[63] = (uint16_t)(E100_EE_CHECKSUM - sum);
}

static void test_bad_counts(struct net_device *netdev)
{
	static const uint16_t counts[] = { 0xffff, 0xc000 | (E100_FRAME_SPACE + 1),
					   0xc000 | (ETH_HLEN - 1) };
	unsigned i, errors = rx_errors;

	for (i = 0; i < 3; i++) {
		chip.count_override = counts[i];
		CHECK(chip_receive(60));
	}
	chip.count_override = 0;
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 0);
	CHECK_INT(rx_errors, errors + 3);
	CHECK(chip_receive(100));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
}

/* Polls until nothing is left; returns how many frames there were. */
static unsigned drain(struct net_device *netdev)
{
	unsigned total = 0;

	do {
		total += received_count;
		drop_received();
		netdev->op->poll(netdev);
	} while (received_count > 0);
	return total;
}

/* The complete bit seen before the count and the frame are written: the
 * frame is read whole all the same, never dropped as too short. */
static void test_late_frames(struct net_device *netdev)
{
	unsigned i, errors = rx_errors, first;

	drain(netdev);
	chip.late_frame = true;
	for (i = 0; i < 3; i++) {
		first = chip.seq;
		CHECK(chip_receive(100 + i));
		if (i == 2)
			CHECK(chip_receive(200));
		netdev->op->poll(netdev);
		CHECK_INT(rx_errors, errors);
		CHECK_INT(received_count, i == 2 ? 2 : 1);
		if (received_count == 0)
			break;
		CHECK_INT(iob_len(received[0]), 100 + i);
		CHECK_INT(fake_check_sequence(first), chip.seq);
	}
	chip.late_frame = false;
	finish_frame();
	drain(netdev);
}

/*
 * A receive unit that read the end-of-list mark of the descriptor it
 * moved onto, just before the driver moved the mark on, stops after
 * filling it: the ring full but for one descriptor, found by a poll that
 * reads one frame. That poll restarts it, not a later look at the link.
 */
static void test_stop_on_old_mark(struct net_device *netdev)
{
	unsigned i, errors = rx_errors, first;

	drain(netdev);
	if (chip.ru_waiting) {
		/* On past the mark the last poll moved (the eager unit). */
		struct e100_rfd *rfd = block(chip.ru_block, sizeof(*rfd));

		CHECK(rfd && !(rfd->command & E100_COMMAND_EL));
		if (rfd)
			ru_move(rfd->link);
		chip.ru_waiting = false;
	}
	chip.early_mark = true;
	ru_move(chip.ru_block);
	first = chip.seq;
	for (i = 0; i < RING_SIZE - 1; i++)
		CHECK(chip_receive(60));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, RING_SIZE - 1);
	CHECK(chip.mark_seen);	/* read before the poll moved it */
	first = fake_check_sequence(first);
	CHECK(chip_receive(60));
	CHECK(!ru_ready());
	netdev->op->poll(netdev);
	CHECK_INT(fake_check_sequence(first), first + 1);
	CHECK(ru_ready());
	CHECK(chip_receive(70));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
	CHECK_INT(rx_errors, errors);
	chip.early_mark = false;
}

static void test_transmit(struct net_device *netdev)
{
	uint8_t frame[100];
	unsigned i;

	make_frame(frame, sizeof(frame), 5);
	for (i = 0; i < 3; i++) {
		struct io_buffer *iob = wb_alloc_iob(sizeof(frame));

		frame[0] = (uint8_t)i;
		memcpy(iob_put(iob, sizeof(frame)), frame, sizeof(frame));
		CHECK_INT(netdev->op->transmit(netdev, iob), 0);
		CHECK_INT(chip.sent_count, i + 1);
		CHECK_INT(chip.sent[i][0], i);
	}
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 3);
}

int main(void)
{
	static const struct pci_device_id id = PCI_ID(0x8086, 0x1229, "82557", 0);
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x29, 0x01 };
	struct pci_device pci = { .vendor = 0x8086, .device = 0x1229, .id = &id,
				  .driver = &wb_eepro100_driver };
	struct net_device *netdev;

	fake_dma_32bit = true;
	set_eeprom(mac);
	chip.link_up = true;
	netdev = fake_probe(&pci, mac);
	if (!netdev)
		return unit_finish();
	CHECK(netdev_link_ok(netdev));

	CHECK_INT(netdev->op->open(netdev), 0);
	netdev->is_open = true;
	CHECK(chip.cu_started && chip.ru_started);

	fake_test_receive_stream(netdev, &model);
	test_bad_counts(netdev);
	test_late_frames(netdev);
	test_stop_on_old_mark(netdev);
	fake_test_refilling_chip(netdev, &model);
	test_transmit(netdev);

	wb_eepro100_driver.remove(&pci);
	CHECK(registered == NULL);
	CHECK(!chip.ru_started);
	CHECK_INT(live_blocks, 0);
	return unit_finish();
}
