/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Intel 8255x ("EtherExpress PRO/100"), as QEMU's i82557a..i82559er,
 * i82550, i82551, i82562 and i82801 models emulate it.
 *
 * Everything the chip reads or writes lives in one coherent DMA area:
 *  - the command block list (CBL), a ring of simplified-mode blocks. Each
 *    block is queued with its suspend bit set and its predecessor's bit
 *    cleared, then a CU resume lets the command unit run on to it. The
 *    first block is the individual address setup (the MAC), started with
 *    CU start; transmit blocks carry a copy of the frame.
 *  - the receive frame area (RFA), a ring of simplified receive frame
 *    descriptors. The one just before the oldest unread descriptor carries
 *    the end-of-list bit, so the receive unit can never overwrite a frame
 *    not yet read; when it runs out of descriptors anyway (the ring was
 *    full), the poll that reads them restarts it.
 * Frames are copied out of the RFA into fresh I/O buffers, so memory
 * shortage only drops frames. The MAC and the PHY address come from the
 * serial EEPROM, read by bit-banging; the link from the PHY over MDI.
 * Interrupts are masked. close() resets the chip through the PORT.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/eepro100.h>
#include <drivers/net/pci_nic.h>
#include <drivers/net/microwire.h>
#include <wireboot/byteorder.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/poll.h>
#include <wireboot/timer.h>

PROVIDE_OBJECT(eepro100);

/* The chip drops what arrives while its receive unit is out of
 * descriptors (QEMU's model too, where a TCP sender on the host delivers
 * more than 32 frames at a time): room for such a burst. */
#define RX_RING_SIZE 128
#define TX_RING_SIZE 16
#define COMMAND_TIMEOUT_US 10000
#define MDI_TIMEOUT_US 10000
#define EEPROM_HALF_CLOCK_US 4

/* The chip takes 32-bit addresses only. */
#define DMA_LIMIT 0x100000000ULL

struct e100_dma_area {
	struct e100_rfd rx[RX_RING_SIZE];
	union e100_command_block cb[TX_RING_SIZE];
};

struct eepro100 {
	struct pci_device *pci;
	struct net_device *netdev;
	struct e100_dma_area *area;
	struct dma_mapping area_map;
	struct io_buffer *tx_iob[TX_RING_SIZE];	/* NULL while free */
	unsigned rx_next;	/* the next descriptor the RU completes */
	unsigned tx_next;	/* the next command block to fill */
	unsigned tx_done;	/* the oldest transmit block in flight */
	unsigned phy;		/* MDI address */
	uint64_t link_checked_us;
};

static uint8_t read8(struct eepro100 *nic, unsigned reg)
{
	return pci_bar_read8(nic->pci, E100_CSR_BAR, reg);
}

static uint16_t read16(struct eepro100 *nic, unsigned reg)
{
	return pci_bar_read16(nic->pci, E100_CSR_BAR, reg);
}

static void write8(struct eepro100 *nic, unsigned reg, uint8_t value)
{
	pci_bar_write8(nic->pci, E100_CSR_BAR, reg, value);
}

static void write16(struct eepro100 *nic, unsigned reg, uint16_t value)
{
	pci_bar_write16(nic->pci, E100_CSR_BAR, reg, value);
}

static void write32(struct eepro100 *nic, unsigned reg, uint32_t value)
{
	pci_bar_write32(nic->pci, E100_CSR_BAR, reg, value);
}

/* Selective reset first, so the chip lets go of the bus cleanly, then the
 * full software reset: afterwards both units are idle and nothing is
 * DMAed. The reset unmasks interrupts; they are masked again. */
static void reset_chip(struct eepro100 *nic)
{
	write32(nic, E100_PORT, E100_PORT_SELECTIVE_RESET);
	udelay(E100_PORT_DELAY_US);
	write32(nic, E100_PORT, E100_PORT_SOFTWARE_RESET);
	udelay(E100_PORT_DELAY_US);
	write8(nic, E100_SCB_INTMASK, E100_INTMASK_ALL);
}

/* Waits until the chip has taken the previous SCB command. */
static int scb_wait(struct eepro100 *nic)
{
	if (pci_poll8(nic->pci, E100_CSR_BAR, E100_SCB_COMMAND, 0xff, 0,
		      COMMAND_TIMEOUT_US) != 0) {
		DBG("eepro100 PCI " PCI_FMT ": command %02x not taken\n",
		    PCI_ARGS(nic->pci), read8(nic, E100_SCB_COMMAND));
		return -ETIMEDOUT;
	}
	return 0;
}

/* Issues an SCB command with its pointer once the previous one has been
 * taken. */
static int scb_command(struct eepro100 *nic, uint8_t command, uint32_t pointer)
{
	int rc = scb_wait(nic);

	if (rc != 0)
		return rc;
	write32(nic, E100_SCB_POINTER, pointer);
	write8(nic, E100_SCB_COMMAND, command);
	return 0;
}

/* ---- serial EEPROM ------------------------------------------------------ */

static uint32_t eeprom_lines(void *context)
{
	return read16(context, E100_EEPROM_CONTROL);
}

static void set_eeprom_lines(void *context, uint32_t lines)
{
	write16(context, E100_EEPROM_CONTROL, (uint16_t)lines);
}

/* Reads the whole EEPROM: checks its checksum, takes the MAC address and
 * the PHY address. */
static int read_eeprom(struct eepro100 *nic, uint8_t *mac)
{
	/* Its size is learnt on the first read. */
	struct microwire eeprom = {
		.context = nic,
		.read = eeprom_lines,
		.write = set_eeprom_lines,
		.cs = E100_EE_CS, .sk = E100_EE_SK, .di = E100_EE_DI, .dout = E100_EE_DO,
		.half_clock_us = EEPROM_HALF_CLOCK_US,
		.max_address_bits = E100_EE_MAX_ADDRESS_BITS,
	};
	uint16_t sum = 0, word;
	unsigned address, words;
	int rc;

	rc = microwire_read(&eeprom, 0, &word);
	words = 1u << eeprom.address_bits;
	for (address = 0; rc == 0 && address < words; address++) {
		if (address > 0)
			rc = microwire_read(&eeprom, address, &word);
		sum = (uint16_t)(sum + word);
		if (address < ETH_ALEN / 2) {
			mac[2 * address] = (uint8_t)word;
			mac[2 * address + 1] = (uint8_t)(word >> 8);
		} else if (address == E100_EE_WORD_PHY) {
			nic->phy = word & E100_EE_PHY_ADDRESS_MASK;
		}
	}
	if (rc != 0)
		return rc;
	if (sum != E100_EE_CHECKSUM) {
		DBG("eepro100 PCI " PCI_FMT ": EEPROM (%u words) checksum %04x, "
		    "expected %04x\n", PCI_ARGS(nic->pci), words, sum,
		    E100_EE_CHECKSUM);
		return -EIO;
	}
	return 0;
}

/* ---- link ----------------------------------------------------------------- */

static int mdi_read(struct eepro100 *nic, unsigned reg, uint16_t *value)
{
	uint32_t mdi;
	int rc;

	write32(nic, E100_MDI_CONTROL, E100_MDI_READ |
		nic->phy << E100_MDI_PHY_SHIFT | reg << E100_MDI_REGISTER_SHIFT);
	rc = pci_poll32(nic->pci, E100_CSR_BAR, E100_MDI_CONTROL, E100_MDI_READY,
			E100_MDI_READY, MDI_TIMEOUT_US, &mdi);
	if (rc != 0)
		return rc;
	*value = (uint16_t)(mdi & E100_MDI_DATA_MASK);
	return 0;
}

static void update_link(struct eepro100 *nic)
{
	uint16_t bmsr;

	/* The link bit latches a loss until read: the second read is now. */
	if (mdi_read(nic, E100_MII_BMSR, &bmsr) != 0 ||
	    mdi_read(nic, E100_MII_BMSR, &bmsr) != 0)
		return;
	/* No PHY answers on MDI (a serial-interface transceiver): nothing
	 * tells about the link, so take it as up. */
	if (bmsr == 0 || bmsr == 0xffff || (bmsr & E100_MII_BMSR_LINK))
		netdev_link_up(nic->netdev);
	else
		netdev_link_down(nic->netdev);
}

/* ---- rings -------------------------------------------------------------- */

static uint32_t area_address(struct eepro100 *nic, const void *ptr)
{
	return (uint32_t)(nic->area_map.dma_addr +
			  (uint64_t)((const uint8_t *)ptr - (const uint8_t *)nic->area));
}

static unsigned ring_prev(unsigned i, unsigned size)
{
	return (i + size - 1) % size;
}

static void init_rings(struct eepro100 *nic)
{
	struct e100_dma_area *area = nic->area;
	unsigned i;

	for (i = 0; i < RX_RING_SIZE; i++) {
		struct e100_rfd *rfd = &area->rx[i];

		rfd->status = 0;
		rfd->command = cpu_to_le16(i == RX_RING_SIZE - 1 ? E100_COMMAND_EL : 0);
		rfd->link = cpu_to_le32(area_address(nic, &area->rx[(i + 1) % RX_RING_SIZE]));
		rfd->rx_buffer = cpu_to_le32(E100_TBD_NONE);
		rfd->count = 0;
		rfd->size = cpu_to_le16(E100_FRAME_SPACE);
	}
	for (i = 0; i < TX_RING_SIZE; i++) {
		struct e100_cb_header *header = &area->cb[i].header;

		header->status = 0;
		header->command = 0;
		header->link = cpu_to_le32(area_address(nic, &area->cb[(i + 1) % TX_RING_SIZE]));
	}
	nic->rx_next = 0;
	wmb();
}

static bool command_done(void *context)
{
	struct e100_cb_header *header = context;

	return le16_to_cpu(*(volatile uint16_t *)&header->status) & E100_STATUS_C;
}

/*
 * Runs the individual address setup as the first block of the list (CU
 * start), and waits for it. The command unit then rests, suspended, on
 * block 0; transmit blocks follow from block 1 on, each reached by a CU
 * resume.
 */
static int set_address(struct eepro100 *nic)
{
	struct e100_ias *ias = &nic->area->cb[0].ias;
	int rc;

	ias->header.status = 0;
	ias->header.command = cpu_to_le16(E100_CMD_IA_SETUP | E100_COMMAND_S);
	memcpy(ias->mac, nic->netdev->ll_addr, ETH_ALEN);
	wmb();
	rc = scb_command(nic, E100_CU_START, area_address(nic, ias));
	if (rc != 0)
		return rc;
	rc = poll_until(command_done, &ias->header, COMMAND_TIMEOUT_US);
	if (rc != 0)
		return rc;
	nic->tx_next = nic->tx_done = 1;
	return 0;
}

/* Descriptor i is read: it becomes the end of the list, and its
 * predecessor, the previous end, lets the RU run on into it. */
static void recycle_rfd(struct eepro100 *nic, unsigned i)
{
	struct e100_rfd *rfd = &nic->area->rx[i];
	struct e100_rfd *prev = &nic->area->rx[ring_prev(i, RX_RING_SIZE)];

	rfd->count = 0;
	rfd->status = 0;
	rfd->command = cpu_to_le16(E100_COMMAND_EL);
	wmb();
	*(volatile uint16_t *)&prev->command = 0;
	wmb();
}

static void receive_frame(struct eepro100 *nic, struct e100_rfd *rfd,
			  uint16_t status)
{
	size_t len = le16_to_cpu(rfd->count) & E100_RFD_COUNT_MASK;
	struct io_buffer *iob;

	if (!(status & E100_STATUS_OK) || len < ETH_HLEN || len > E100_FRAME_SPACE) {
		DBG("eepro100 %s: receive error, status %04x, %u bytes\n",
		    nic->netdev->name, status, (unsigned)len);
		netdev_rx_err(nic->netdev, NULL, -EIO);
		return;
	}
	iob = alloc_iob(len);
	if (!iob) {
		netdev_rx_err(nic->netdev, NULL, -ENOMEM);
		return;
	}
	memcpy(iob_put(iob, len), rfd->data, len);
	DBG2("eepro100 %s: received %u bytes\n", nic->netdev->name, (unsigned)len);
	netdev_rx(nic->netdev, iob);
}

static bool rfd_complete(struct e100_rfd *rfd, uint16_t *status)
{
	*status = le16_to_cpu(*(volatile uint16_t *)&rfd->status);
	return *status & E100_STATUS_C;
}

/* A receive unit that ran out of descriptors (or never started; scb is
 * the SCB status it showed) starts again at the oldest unread one, unless
 * that one has filled meanwhile (the next poll reads it first). */
static void restart_rx(struct eepro100 *nic, uint8_t scb)
{
	uint16_t status;

	if (E100_RU_STATE(scb) == E100_RU_READY ||
	    rfd_complete(&nic->area->rx[nic->rx_next], &status))
		return;
	DBG("eepro100 %s: receive ring was full, receive unit restarted\n",
	    nic->netdev->name);
	scb_command(nic, E100_RU_START,
		    area_address(nic, &nic->area->rx[nic->rx_next]));
}

/*
 * Reads the descriptors found complete in one pass, at most a ring's
 * worth: a chip that fills them as fast as they are recycled must not
 * keep poll() from returning.
 *
 * Between the pass and the reading comes one read of the SCB status, for
 * two reasons. QEMU's model sets a descriptor's complete bit before it
 * writes the count and the frame, from a thread of its own; its register
 * accesses wait until that write is over, so after the read every
 * descriptor of the pass holds its frame (the chip writes the status
 * last, and loses one access per batch). And the status tells whether the
 * receive unit stopped: it does so only after filling the descriptor
 * with the end-of-list bit, which a pass then finds, so a stopped unit is
 * restarted at once, rather than at the next periodic look (frames that
 * arrive meanwhile are lost). Polls that find nothing read no register.
 */
static void reap_rx(struct eepro100 *nic)
{
	unsigned ready = 0;
	uint16_t status;
	uint8_t scb;

	while (ready < RX_RING_SIZE &&
	       rfd_complete(&nic->area->rx[(nic->rx_next + ready) % RX_RING_SIZE],
			    &status))
		ready++;
	if (ready == 0)
		return;
	scb = read8(nic, E100_SCB_STATUS);
	rmb();
	while (ready-- > 0) {
		unsigned i = nic->rx_next;

		rfd_complete(&nic->area->rx[i], &status);
		receive_frame(nic, &nic->area->rx[i], status);
		recycle_rfd(nic, i);
		nic->rx_next = (i + 1) % RX_RING_SIZE;
	}
	restart_rx(nic, scb);
}

static void reap_tx(struct eepro100 *nic)
{
	for (;;) {
		unsigned i = nic->tx_done;
		struct io_buffer *iob = nic->tx_iob[i];
		uint16_t status;

		if (!iob)
			break;
		status = le16_to_cpu(*(volatile uint16_t *)&nic->area->cb[i].header.status);
		if (!(status & E100_STATUS_C))
			break;
		nic->tx_iob[i] = NULL;
		nic->tx_done = (i + 1) % TX_RING_SIZE;
		netdev_tx_complete(nic->netdev, iob,
				   (status & E100_STATUS_OK) ? 0 : -EIO);
	}
}

/* Forgets the area and what is in flight; the chip must be reset
 * already. Transmit buffers belong to the network layer, which completes
 * them. */
static void release_area(struct eepro100 *nic)
{
	memset(nic->tx_iob, 0, sizeof(nic->tx_iob));
	if (nic->area)
		dma_free(nic->pci, &nic->area_map, nic->area);
	nic->area = NULL;
}

/* ---- network device ------------------------------------------------------ */

static int eepro100_open(struct net_device *netdev)
{
	struct eepro100 *nic = netdev->priv;
	int rc;

	reset_chip(nic);
	nic->area = dma_alloc(nic->pci, &nic->area_map, sizeof(*nic->area));
	if (!nic->area)
		return -ENOMEM;
	rc = -ERANGE;
	if (nic->area_map.dma_addr + sizeof(*nic->area) > DMA_LIMIT)
		goto fail;
	init_rings(nic);
	/* Block and descriptor links are then plain bus addresses. */
	rc = scb_command(nic, E100_CU_LOAD_BASE, 0);
	if (rc == 0)
		rc = scb_command(nic, E100_RU_LOAD_BASE, 0);
	if (rc == 0)
		rc = set_address(nic);
	if (rc == 0)
		rc = scb_command(nic, E100_RU_START, area_address(nic, &nic->area->rx[0]));
	if (rc != 0)
		goto fail;
	update_link(nic);
	return 0;

fail:
	DBG("eepro100 %s: cannot open: %s\n", netdev->name, strerror(rc));
	reset_chip(nic);
	release_area(nic);
	return rc;
}

static void eepro100_close(struct net_device *netdev)
{
	struct eepro100 *nic = netdev->priv;

	reset_chip(nic);
	release_area(nic);
}

static int eepro100_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct eepro100 *nic = netdev->priv;
	unsigned i = nic->tx_next;
	struct e100_txcb *tcb = &nic->area->cb[i].tx;
	struct e100_cb_header *prev = &nic->area->cb[ring_prev(i, TX_RING_SIZE)].header;
	size_t len = iob_len(iob);

	reap_tx(nic);
	if (nic->tx_iob[i])
		return -ENOBUFS;
	if (len == 0 || len > E100_FRAME_SPACE)
		return -EMSGSIZE;
	tcb->header.status = 0;
	tcb->header.command = cpu_to_le16(E100_CMD_TX | E100_COMMAND_S);
	tcb->tbd_array = cpu_to_le32(E100_TBD_NONE);
	tcb->byte_count = cpu_to_le16((uint16_t)len | E100_TCB_EOF);
	tcb->threshold = E100_TX_THRESHOLD;
	tcb->tbd_count = 0;
	memcpy(tcb->data, iob->data, len);
	wmb();
	/* The new block suspends the CU before the old one stops doing so. */
	*(volatile uint16_t *)&prev->command &= cpu_to_le16((uint16_t)~E100_COMMAND_S);
	wmb();
	nic->tx_iob[i] = iob;
	nic->tx_next = (i + 1) % TX_RING_SIZE;
	/* Should the CU miss this resume, the next one sends this frame too.
	 * A resume takes no pointer. */
	if (scb_wait(nic) == 0)
		write8(nic, E100_SCB_COMMAND, E100_CU_RESUME);
	return 0;
}

static void eepro100_poll(struct net_device *netdev)
{
	struct eepro100 *nic = netdev->priv;

	reap_tx(nic);
	reap_rx(nic);
	/* MDI is slow; the link does not need checking at every poll. */
	if (pci_nic_link_due(&nic->link_checked_us)) {
		update_link(nic);
		restart_rx(nic, read8(nic, E100_SCB_STATUS));
	}
}

static const struct net_device_operations eepro100_operations = {
	.open = eepro100_open,
	.close = eepro100_close,
	.transmit = eepro100_transmit,
	.poll = eepro100_poll,
};

static int eepro100_init(struct pci_device *pci, struct net_device *netdev)
{
	struct eepro100 *nic = netdev->priv;
	int rc;

	nic->pci = pci;
	nic->netdev = netdev;
	reset_chip(nic);
	rc = read_eeprom(nic, netdev->hw_addr);
	if (rc != 0)
		return rc;
	update_link(nic);
	pci_nic_dbg_probed(pci, netdev, "%s", pci->id->name);
	return 0;
}

static void eepro100_quiesce(struct net_device *netdev)
{
	reset_chip(netdev->priv);
}

static const struct pci_nic_ops eepro100_nic = {
	.priv_len = sizeof(struct eepro100),
	.op = &eepro100_operations,
	.memory_bars = 1u << E100_CSR_BAR,
	.init = eepro100_init,
	.quiesce = eepro100_quiesce,
};

static const struct pci_device_id eepro100_ids[] = {
	PCI_ID(0x8086, 0x1209, "82559er", 0),
	PCI_ID(0x8086, 0x1229, "82557", 0),
	PCI_ID(0x8086, 0x2449, "82801ba", 0),
};

PCI_DRIVER(eepro100_driver) = {
	.name = "eepro100",
	.ids = eepro100_ids,
	.id_count = ARRAY_SIZE(eepro100_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &eepro100_nic,
};

FEATURE("eepro100");
