/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/vmxnet3.c src/core/iobuf.c src/drivers/net/pci_nic.c
/*
 * The vmxnet3 driver against a model of the device: the shared area and
 * queue table it reads at activation, generation bits on every ring (all
 * of them wrap many times here), receive-ring exhaustion and refill, a
 * full transmit ring, completions the driver must refuse, link and
 * queue-error events, and that close leaves no mapping behind. The device
 * only touches memory through live DMA mappings (checked on every access;
 * the blocks are exact heap allocations under AddressSanitizer), and bus
 * addresses are the host's 64-bit pointers, so the upper halves matter.
 * The bus, DMA and network-device layer are fakes (plain names).
 */

#include "fake_nic.h"
#include "../../src/drivers/net/vmxnet3.h"

extern const struct pci_driver wb_vmxnet3_driver;

#define VMXNET3_TEST_RX_RING 64	/* the driver's receive ring */

/* ---- the device ------------------------------------------------------ */

struct model_ring {
	uint64_t base;
	unsigned size, next;
	uint32_t gen;
};

static struct {
	uint8_t mac[ETH_ALEN];
	bool link_up;
	uint32_t vrrs, uvrs, dsal, dsah, result, temp_mac;
	bool active, interrupt_masked;
	unsigned activations, resets;
	struct vmxnet3_shared *shared;
	struct model_ring tx, tx_comp, rx[2], rx_comp;
	uint32_t rx_producer;
	bool hold_tx;		/* leave transmits unprocessed */
	uint8_t sent[4][ETH_FRAME_LEN];
	unsigned sent_len[4], sent_count, dropped;
} dev;

static void ring_next(struct model_ring *ring)
{
	if (++ring->next == ring->size) {
		ring->next = 0;
		ring->gen ^= 1;
	}
}

static void *ring_entry(struct model_ring *ring)
{
	return fake_dma_ptr(ring->base + 16 * ring->next, 16);
}

static void model_ring_init(struct model_ring *ring, uint64_t base,
			    uint32_t size, bool zero)
{
	CHECK(base % VMXNET3_RING_ALIGN == 0);
	CHECK(size > 0 && size % VMXNET3_RING_SIZE_MULTIPLE == 0);
	ring->base = base;
	ring->size = size;
	ring->next = 0;
	ring->gen = VMXNET3_INITIAL_GEN;
	if (zero && fake_dma_ptr(base, 16 * size))
		memset(fake_dma_ptr(base, 16 * size), 0, 16 * size);
}

static void model_activate(void)
{
	uint64_t address = (uint64_t)dev.dsah << 32 | dev.dsal;
	struct vmxnet3_shared *shared = fake_dma_ptr(address, sizeof(*shared));
	struct vmxnet3_tx_queue_desc *txq;
	struct vmxnet3_rx_queue_desc *rxq;
	const struct vmxnet3_misc_config *misc;

	dev.result = 1;
	if (!shared || shared->magic != VMXNET3_SHARED_MAGIC)
		return;
	misc = &shared->misc;
	CHECK_INT(misc->tx_queues, 1);
	CHECK_INT(misc->rx_queues, 1);
	CHECK_INT(misc->mtu, 1500);
	CHECK_INT(misc->revisions, VMXNET3_REVISION_1);
	CHECK_INT(misc->upt_versions, VMXNET3_UPT_VERSION_1);
	CHECK_INT(misc->guest_os & 3, VMXNET3_GOS_BITS_64);
	CHECK_INT(misc->upt_features, 0);
	CHECK_INT(misc->queue_table_len, sizeof(*txq) + sizeof(*rxq));
	CHECK(misc->queue_table_address % VMXNET3_QUEUE_DESC_ALIGN == 0);
	CHECK_INT(shared->interrupts.control, VMXNET3_INTR_DISABLE_ALL);
	CHECK_INT(shared->rx_filter.mode & (VMXNET3_RXM_UCAST | VMXNET3_RXM_BCAST),
		  VMXNET3_RXM_UCAST | VMXNET3_RXM_BCAST);
	CHECK(shared->rx_filter.vlan_table[0] & 1);
	txq = fake_dma_ptr(misc->queue_table_address, misc->queue_table_len);
	if (!txq)
		return;
	rxq = (struct vmxnet3_rx_queue_desc *)(txq + 1);
	model_ring_init(&dev.tx, txq->ring_address, txq->ring_size, false);
	model_ring_init(&dev.tx_comp, txq->comp_ring_address, txq->comp_ring_size, true);
	model_ring_init(&dev.rx[0], rxq->ring_address[0], rxq->ring_size[0], false);
	model_ring_init(&dev.rx[1], rxq->ring_address[1], rxq->ring_size[1], false);
	model_ring_init(&dev.rx_comp, rxq->comp_ring_address, rxq->comp_ring_size, true);
	CHECK(dev.tx_comp.size >= dev.tx.size);
	CHECK(dev.rx_comp.size >= dev.rx[0].size + dev.rx[1].size);
	txq->threshold = 1;
	/* As VMware's device: it wants to hear of every buffer posted. */
	rxq->update_producer = 1;
	dev.shared = shared;
	dev.active = true;
	dev.activations++;
	dev.result = 0;
}

static void model_transmit(void)
{
	struct vmxnet3_tx_desc *desc;

	if (!dev.active || dev.hold_tx)
		return;
	while ((desc = ring_entry(&dev.tx)) &&
	       desc->len_gen >> VMXNET3_TXD_GEN_SHIFT == dev.tx.gen) {
		size_t len = desc->len_gen & VMXNET3_TXD_LEN_MASK;
		struct vmxnet3_tx_comp *comp = ring_entry(&dev.tx_comp);
		const void *frame = fake_dma_ptr(desc->address, len);
		unsigned index = dev.tx.next;

		CHECK(desc->flags & VMXNET3_TXD_EOP);
		CHECK(len > 0);
		if (frame && dev.sent_count < 4) {
			memcpy(dev.sent[dev.sent_count], frame, len);
			dev.sent_len[dev.sent_count] = len;
		}
		dev.sent_count++;
		ring_next(&dev.tx);
		if (!comp)
			return;
		memset(comp, 0, sizeof(*comp));
		comp->index = index;
		comp->type_gen = dev.tx_comp.gen << VMXNET3_CD_GEN_SHIFT;
		ring_next(&dev.tx_comp);
	}
}

/* Delivers a frame as the device does; index_bits and len_bits are ORed
 * into the completion to fake what a faulty device might say. */
static bool model_receive_raw(const void *frame, size_t len, uint32_t index_bits,
			      uint32_t len_bits)
{
	struct vmxnet3_rx_comp *comp;
	struct vmxnet3_rx_desc *desc;
	void *buffer;

	if (!dev.active)
		return false;
	comp = ring_entry(&dev.rx_comp);
	desc = ring_entry(&dev.rx[0]);
	if (!comp || !desc || comp->type_gen >> VMXNET3_CD_GEN_SHIFT == dev.rx_comp.gen ||
	    desc->len_gen >> VMXNET3_RXD_GEN_SHIFT != dev.rx[0].gen) {
		dev.dropped++;
		return false;
	}
	CHECK(!(desc->len_gen & VMXNET3_RXD_BTYPE_BODY));
	CHECK((desc->len_gen & VMXNET3_RXD_LEN_MASK) >= len);
	buffer = fake_dma_ptr(desc->address, len);
	if (buffer)
		memcpy(buffer, frame, len);
	memset(comp, 0, sizeof(*comp));
	comp->index = dev.rx[0].next | VMXNET3_RCD_SOP | VMXNET3_RCD_EOP | index_bits;
	comp->len_err = (uint32_t)len | len_bits;
	comp->type_gen = dev.rx_comp.gen << VMXNET3_CD_GEN_SHIFT;
	ring_next(&dev.rx[0]);
	ring_next(&dev.rx_comp);
	return true;
}

static bool model_receive(const void *frame, size_t len)
{
	return model_receive_raw(frame, len, 0, 0);
}

/* The next frame of a numbered sequence (fake_nic.h's receive tests). */
static unsigned rx_seq;

static bool model_receive_next(size_t len)
{
	uint8_t frame[ETH_FRAME_LEN];

	make_frame(frame, len, rx_seq);
	frame[0] = (uint8_t)rx_seq;
	if (!model_receive(frame, len))
		return false;
	rx_seq++;
	return true;
}

static void model_event(uint32_t bits)
{
	dev.shared->ecr |= bits;
}

static void model_command(uint32_t cmd)
{
	switch (cmd) {
	case VMXNET3_CMD_ACTIVATE_DEV:
		model_activate();
		break;
	case VMXNET3_CMD_QUIESCE_DEV:
		dev.active = false;
		dev.result = 0;
		break;
	case VMXNET3_CMD_RESET_DEV:
		dev.active = false;
		dev.shared = NULL;
		dev.resets++;
		dev.result = 0;
		break;
	case VMXNET3_CMD_GET_LINK:
		dev.result = dev.link_up ? (10000u << VMXNET3_LINK_SPEED_SHIFT |
					    VMXNET3_LINK_UP) : 0;
		break;
	default:
		dev.result = 0;
		break;
	}
}

uint32_t pci_bar_read32(struct pci_device *pci, unsigned bar, uint64_t offset)
{
	CHECK_INT(bar, VMXNET3_VD_BAR);
	switch (offset) {
	case VMXNET3_REG_VRRS:
		return 0x3;	/* revisions 1 and 2 */
	case VMXNET3_REG_UVRS:
		return 0x1;
	case VMXNET3_REG_CMD:
		return dev.result;
	case VMXNET3_REG_MACL:
		return (uint32_t)dev.mac[0] | (uint32_t)dev.mac[1] << 8 |
		       (uint32_t)dev.mac[2] << 16 | (uint32_t)dev.mac[3] << 24;
	case VMXNET3_REG_MACH:
		return (uint32_t)dev.mac[4] | (uint32_t)dev.mac[5] << 8;
	}
	return 0;
}

void pci_bar_write32(struct pci_device *pci, unsigned bar, uint64_t offset, uint32_t value)
{
	if (bar == VMXNET3_PT_BAR) {
		/* Doorbells only work on an active device. */
		if (!dev.active)
			return;
		if (offset == VMXNET3_REG_TXPROD)
			model_transmit();
		else if (offset == VMXNET3_REG_RXPROD)
			dev.rx_producer = value;
		else if (offset == VMXNET3_REG_IMR)
			dev.interrupt_masked = value & 1;
		else
			CHECK(!"unexpected BAR 0 register");
		return;
	}
	switch (offset) {
	case VMXNET3_REG_VRRS:
		dev.vrrs = value;
		break;
	case VMXNET3_REG_UVRS:
		dev.uvrs = value;
		break;
	case VMXNET3_REG_DSAL:
		dev.dsal = value;
		break;
	case VMXNET3_REG_DSAH:
		dev.dsah = value;
		break;
	case VMXNET3_REG_CMD:
		model_command(value);
		break;
	case VMXNET3_REG_MACL:
		dev.temp_mac = value;
		break;
	case VMXNET3_REG_MACH:
		memcpy(dev.mac, &dev.temp_mac, 4);
		dev.mac[4] = (uint8_t)value;
		dev.mac[5] = (uint8_t)(value >> 8);
		break;
	case VMXNET3_REG_ECR:
		if (dev.shared)
			dev.shared->ecr &= ~value;
		break;
	default:
		CHECK(!"unexpected BAR 1 register");
	}
}

int pci_bar_is_io(struct pci_device *pci, unsigned bar)
{
	return bar <= 2 ? 0 : -ENODEV;
}

/* ---- tests --------------------------------------------------------------- */

static unsigned posted_rx_buffers(void)
{
	return live_mappings;	/* with no transmit in flight */
}

static void test_open(struct net_device *netdev)
{
	static const uint8_t new_mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x42 };
	struct vmxnet3_rx_desc *body;
	unsigned i;

	memcpy(netdev->ll_addr, new_mac, ETH_ALEN);
	CHECK_INT(netdev->op->open(netdev), 0);
	netdev->is_open = true;
	CHECK(dev.active);
	CHECK_INT(dev.activations, 1);
	CHECK(dev.interrupt_masked);
	CHECK(memcmp(dev.mac, new_mac, ETH_ALEN) == 0);
	CHECK_INT(live_blocks, 1);
	/* Ring 0 full of buffers, the doorbell at its end; ring 1 empty. */
	CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
	CHECK_INT(dev.rx_producer, 0);
	for (i = 0; i < dev.rx[1].size; i++) {
		dev.rx[1].next = i;
		body = ring_entry(&dev.rx[1]);
		CHECK(body && body->len_gen >> VMXNET3_RXD_GEN_SHIFT != dev.rx[1].gen);
	}
	dev.rx[1].next = 0;
	CHECK(netdev_link_ok(netdev));
}

/* Many frames one at a time: every ring and generation wraps. */
static void test_receive_stream(struct net_device *netdev)
{
	uint8_t frame[ETH_FRAME_LEN];
	unsigned n;

	for (n = 0; n < 300; n++) {
		size_t len = 60 + (n * 97) % (ETH_FRAME_LEN - 59);

		make_frame(frame, len, n);
		CHECK(model_receive(frame, len));
		netdev->op->poll(netdev);
		CHECK_INT(received_count, 1);
		if (received_count != 1)
			return;
		CHECK_INT(iob_len(received[0]), len);
		CHECK(memcmp(received[0]->data, frame, len) == 0);
		drop_received();
	}
	CHECK_INT(rx_errors, 0);
	CHECK_INT(dev.dropped, 0);
	CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
}

/* More frames than buffers before a poll: the rest are dropped by the
 * device, and reception carries on once the driver refills. */
static void test_receive_exhaustion(struct net_device *netdev)
{
	uint8_t frame[100];
	unsigned n, accepted = 0;

	for (n = 0; n < dev.rx[0].size + 8; n++) {
		make_frame(frame, sizeof(frame), n);
		accepted += model_receive(frame, sizeof(frame));
	}
	CHECK_INT(accepted, dev.rx[0].size);
	CHECK_INT(dev.dropped, 8);
	netdev->op->poll(netdev);
	CHECK_INT(received_count, dev.rx[0].size);
	for (n = 0; n < received_count; n++) {
		make_frame(frame, sizeof(frame), n);
		CHECK(memcmp(received[n]->data, frame, sizeof(frame)) == 0);
	}
	drop_received();
	CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
	CHECK(model_receive(frame, sizeof(frame)));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
	dev.dropped = 0;

	/* Out of memory for buffers: the ring runs dry, and comes back. */
	fail_dma_map = true;
	for (n = 0; n < dev.rx[0].size; n++) {
		CHECK(model_receive(frame, sizeof(frame)));
		netdev->op->poll(netdev);
	}
	CHECK_INT(received_count, dev.rx[0].size);
	drop_received();
	CHECK_INT(posted_rx_buffers(), 0);
	CHECK(!model_receive(frame, sizeof(frame)));
	fail_dma_map = false;
	netdev->op->poll(netdev);
	CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
	CHECK_INT(dev.rx_producer, dev.rx[0].next);
	CHECK(model_receive(frame, sizeof(frame)));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
	dev.dropped = 0;
}

static void check_refused(uint32_t index_bits, uint32_t len_bits, size_t len)
{
	uint8_t frame[ETH_FRAME_LEN];
	unsigned errors = rx_errors;

	make_frame(frame, sizeof(frame), 5);
	CHECK(model_receive_raw(frame, len, index_bits, len_bits));
	CHECK(model_receive(frame, 64));
	registered->op->poll(registered);
	/* Refused, and the frame after it arrives. */
	CHECK_INT(rx_errors, errors + 1);
	CHECK_INT(received_count, 1);
	if (received_count == 1)
		CHECK_INT(iob_len(received[0]), 64);
	drop_received();
}

static void test_bad_completions(void)
{
	unsigned buffers = posted_rx_buffers();

	check_refused(0, VMXNET3_RCD_ERR, 64);
	check_refused(0, 0, 10);			/* shorter than a header */
	check_refused(0, VMXNET3_RCD_LEN_MASK, 64);	/* longer than a buffer */
	CHECK_INT(posted_rx_buffers(), buffers);
}

/* Completions naming only part of a frame are refused; one naming a
 * buffer the driver never posted means the device and the driver no
 * longer agree about the ring, and the driver starts over. */
static void test_out_of_step_completions(void)
{
	uint8_t frame[64];
	struct vmxnet3_rx_comp *comp;
	unsigned errors = rx_errors, activations = dev.activations;
	uint32_t bad[] = { 1u << VMXNET3_RCD_RING_SHIFT, VMXNET3_RCD_INDEX_MASK };
	unsigned i;

	make_frame(frame, sizeof(frame), 9);
	comp = ring_entry(&dev.rx_comp);
	CHECK(model_receive(frame, sizeof(frame)));
	comp->index &= ~VMXNET3_RCD_EOP;
	registered->op->poll(registered);
	CHECK_INT(received_count, 0);
	CHECK_INT(rx_errors, errors + 1);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		comp = ring_entry(&dev.rx_comp);
		CHECK(model_receive(frame, sizeof(frame)));
		comp->index |= bad[i];
		registered->op->poll(registered);
		CHECK_INT(received_count, 0);
		CHECK_INT(rx_errors, errors + 2 + i);
		CHECK_INT(dev.activations, activations + 1 + i);
		CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
		CHECK(model_receive(frame, sizeof(frame)));
		registered->op->poll(registered);
		CHECK_INT(received_count, 1);
		drop_received();
	}
}

static void test_transmit(struct net_device *netdev)
{
	uint8_t expected[200];
	struct io_buffer *iob;
	unsigned n, sent = dev.sent_count;

	/* A stream of frames: the transmit rings wrap. */
	for (n = 0; n < 100; n++) {
		size_t len = 60 + n * 13;

		iob = wb_alloc_iob(len);
		make_frame(iob_put(iob, len), len, n);
		CHECK_INT(netdev->op->transmit(netdev, iob), 0);
		netdev->op->poll(netdev);
		CHECK_INT(dev.sent_count, sent + n + 1);
		CHECK_INT(tx_completed, n + 1);
	}
	/* What goes out is the frame, whole. */
	dev.sent_count = 0;
	iob = wb_alloc_iob(200);
	make_frame(iob_put(iob, 200), 200, 77);
	make_frame(expected, 200, 77);
	CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	CHECK_INT(dev.sent_len[0], 200);
	CHECK(memcmp(dev.sent[0], expected, 200) == 0);
	netdev->op->poll(netdev);

	/* A full ring refuses more, and drains in order. */
	dev.hold_tx = true;
	for (n = 0; n < dev.tx.size; n++) {
		iob = wb_alloc_iob(100);
		iob_put(iob, 100);
		CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	}
	iob = wb_alloc_iob(100);
	iob_put(iob, 100);
	CHECK_INT(netdev->op->transmit(netdev, iob), -ENOBUFS);
	wb_free_iob(iob);
	dev.hold_tx = false;
	model_transmit();
	netdev->op->poll(netdev);
	CHECK_INT(tx_completed, 101 + dev.tx.size);
	CHECK_INT(tx_failed, 0);

	/* Lengths a descriptor cannot carry. */
	iob = wb_alloc_iob(VMXNET3_MAX_BUFFER_LEN + 1);
	iob_put(iob, VMXNET3_MAX_BUFFER_LEN + 1);
	CHECK_INT(netdev->op->transmit(netdev, iob), -EINVAL);
	wb_free_iob(iob);
}

static void test_events(struct net_device *netdev)
{
	uint8_t frame[64];
	struct io_buffer *iob;
	unsigned activations = dev.activations;

	dev.link_up = false;
	model_event(VMXNET3_ECR_LINK);
	netdev->op->poll(netdev);
	CHECK(!netdev_link_ok(netdev));
	CHECK_INT(dev.shared->ecr, 0);
	dev.link_up = true;
	model_event(VMXNET3_ECR_LINK);
	netdev->op->poll(netdev);
	CHECK(netdev_link_ok(netdev));

	/* A queue error: the driver starts over from fresh rings, failing the
	 * transmit that was in flight. */
	dev.hold_tx = true;
	iob = wb_alloc_iob(100);
	iob_put(iob, 100);
	CHECK_INT(netdev->op->transmit(netdev, iob), 0);
	dev.hold_tx = false;
	model_event(VMXNET3_ECR_TQERR);
	netdev->op->poll(netdev);
	CHECK_INT(tx_failed, 1);
	CHECK_INT(dev.activations, activations + 1);
	CHECK(dev.active);
	CHECK_INT(posted_rx_buffers(), dev.rx[0].size);
	make_frame(frame, sizeof(frame), 3);
	CHECK(model_receive(frame, sizeof(frame)));
	netdev->op->poll(netdev);
	CHECK_INT(received_count, 1);
	drop_received();
}

int main(void)
{
	static const struct pci_device_id id = PCI_ID(0x15ad, 0x07b0, "vmxnet3", 0);
	static const uint8_t mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x07, 0xb0, 0x03 };
	struct pci_device pci = { .vendor = 0x15ad, .device = 0x07b0, .id = &id,
				   .driver = &wb_vmxnet3_driver };
	struct net_device *netdev;

	memcpy(dev.mac, mac, ETH_ALEN);
	dev.link_up = true;
	netdev = fake_probe(&pci, mac);
	if (!netdev)
		return unit_finish();
	CHECK(netdev_link_ok(netdev));
	CHECK_INT(dev.vrrs, VMXNET3_REVISION_1);
	CHECK_INT(dev.uvrs, VMXNET3_UPT_VERSION_1);
	CHECK_INT(dev.resets, 1);
	CHECK(!dev.active);

	test_open(netdev);
	test_receive_stream(netdev);
	{
		const struct fake_rx_model model = { model_receive_next, &rx_seq,
						     VMXNET3_TEST_RX_RING };

		fake_test_refilling_chip(netdev, &model);
		dev.dropped = 0;
	}
	test_receive_exhaustion(netdev);
	test_bad_completions();
	test_out_of_step_completions();
	test_transmit(netdev);
	test_events(netdev);

	/* Removal closes: the device is reset and every buffer unmapped. */
	wb_vmxnet3_driver.remove(&pci);
	CHECK(!dev.active);
	CHECK_INT(live_blocks, 0);
	CHECK_INT(live_mappings, 0);
	CHECK(registered == NULL);
	return unit_finish();
}
