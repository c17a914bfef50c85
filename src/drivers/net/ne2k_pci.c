/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * NE2000-compatible PCI cards: Realtek RTL8029 and its clones.
 *
 * The DP8390 keeps frames in the card's own 16 KiB of buffer memory and
 * never masters the bus: frames move between that memory and ours through
 * "remote DMA", which is programmed I/O on the data port. So nothing here
 * is mapped with dma_map()/dma_alloc(): the card never sees our memory.
 *
 * Buffer memory (256-byte pages 0x40-0x7f): the first six pages hold the
 * frame being sent, the rest is the receive ring, where the chip stores
 * each frame behind a 4-byte header from page CURR on; we read from our
 * own next-page pointer and hand pages back by moving BNRY behind it.
 * There is no PHY to ask: the link is always reported up.
 *
 * Interrupts stay masked: poll() looks at ISR.
 */

#include <errno.h>
#include <string.h>
#include <drivers/net/ne2k_pci.h>
#include <drivers/net/pci_nic.h>
#include <wireboot/debug.h>
#include <wireboot/features.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>
#include <wireboot/poll.h>
#include <wireboot/timer.h>

PROVIDE_OBJECT(ne2k_pci);

#define TX_START_PAGE NE_MEMORY_START_PAGE
#define TX_PAGES 6
#define RX_START_PAGE (TX_START_PAGE + TX_PAGES)
#define RX_STOP_PAGE NE_MEMORY_STOP_PAGE
#define RX_PAGES (RX_STOP_PAGE - RX_START_PAGE)

/* Frames we accept and send: a full frame with a VLAN tag (the received
 * count may include the CRC). */
#define MAX_FRAME_LEN (ETH_FRAME_LEN + VLAN_HLEN)
#define RX_MAX_LEN (MAX_FRAME_LEN + ETH_FCS_LEN)

/* Frames waiting for the one transmit buffer. */
#define TX_QUEUE_LEN 8

#define RESET_TIMEOUT_US 10000
#define REMOTE_DMA_TIMEOUT_US 10000
/* After a stop command the chip may still finish a frame: 1.6 ms. */
#define STOP_SETTLE_US 1600

struct ne2k {
	struct pci_device *pci;
	struct net_device *netdev;
	uint8_t next_page;		/* next ring entry to read */
	/* Free-running indices; tx_queue[tx_head] is on the wire while
	 * tx_busy. */
	struct io_buffer *tx_queue[TX_QUEUE_LEN];
	unsigned tx_head, tx_tail;
	bool tx_busy;
};

static uint8_t ne_read8(struct ne2k *ne, unsigned reg)
{
	return pci_bar_read8(ne->pci, NE_BAR, reg);
}

static void ne_write8(struct ne2k *ne, unsigned reg, uint8_t value)
{
	pci_bar_write8(ne->pci, NE_BAR, reg, value);
}

/* Waits (briefly: the chip's own latency) for an ISR bit. */
static int wait_isr(struct ne2k *ne, uint8_t bit, unsigned long timeout_us)
{
	return pci_poll8(ne->pci, NE_BAR, NE_ISR, bit, bit, timeout_us);
}

/* Board reset, leaving the DP8390 stopped: no frame is stored or sent. */
static int reset_chip(struct ne2k *ne)
{
	int rc;

	ne_write8(ne, NE_RESET, ne_read8(ne, NE_RESET));
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STP);
	rc = wait_isr(ne, NE_ISR_RST, RESET_TIMEOUT_US);
	if (rc != 0)
		DBG("ne2k-pci PCI " PCI_FMT ": reset timed out\n",
		    PCI_ARGS(ne->pci));
	ne_write8(ne, NE_ISR, NE_ISR_ALL);
	return rc;
}

/* Remote DMA of len bytes (a multiple of 4: the data port moves double
 * words) at card address addr; the chip must be started. */
static void remote_dma_begin(struct ne2k *ne, unsigned addr, unsigned len,
			     uint8_t direction)
{
	ne_write8(ne, NE_RBCR0, len & 0xff);
	ne_write8(ne, NE_RBCR1, (len >> 8) & 0xff);
	ne_write8(ne, NE_RSAR0, addr & 0xff);
	ne_write8(ne, NE_RSAR1, (addr >> 8) & 0xff);
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_STA | direction);
}

static int remote_dma_end(struct ne2k *ne)
{
	int rc = wait_isr(ne, NE_ISR_RDC, REMOTE_DMA_TIMEOUT_US);

	ne_write8(ne, NE_ISR, NE_ISR_RDC);
	if (rc != 0)
		DBG("ne2k-pci %s: remote DMA timed out\n", ne->netdev->name);
	return rc;
}

/*
 * The data port is read and written 32 bits at a time, as the RTL8029
 * allows in word mode (and QEMU's model too): half the port accesses of
 * 16-bit transfers, and each access is what a frame's copy costs.
 */
#define DATA_WIDTH 4
#define DATA_ROUND(len) (((len) + DATA_WIDTH - 1) & ~(size_t)(DATA_WIDTH - 1))

static int read_memory(struct ne2k *ne, unsigned addr, uint8_t *dest,
		       size_t len)
{
	size_t i, j;

	remote_dma_begin(ne, addr, DATA_ROUND(len), NE_CR_RREAD);
	for (i = 0; i < len; i += DATA_WIDTH) {
		uint32_t dword = pci_bar_read32(ne->pci, NE_BAR, NE_DATA);

		for (j = i; j < len && j < i + DATA_WIDTH; j++)
			dest[j] = (uint8_t)(dword >> (8 * (j - i)));
	}
	return remote_dma_end(ne);
}

/* Writes len bytes of data, then zeros up to total bytes. */
static int write_memory(struct ne2k *ne, unsigned addr, const uint8_t *data,
			size_t len, size_t total)
{
	size_t i, j;

	total = DATA_ROUND(total);
	remote_dma_begin(ne, addr, total, NE_CR_RWRITE);
	for (i = 0; i < total; i += DATA_WIDTH) {
		uint32_t dword = 0;

		for (j = i; j < len && j < i + DATA_WIDTH; j++)
			dword |= (uint32_t)data[j] << (8 * (j - i));
		pci_bar_write32(ne->pci, NE_BAR, NE_DATA, dword);
	}
	return remote_dma_end(ne);
}

/* Reads from the receive ring at addr, wrapping at its end. */
static int read_ring(struct ne2k *ne, unsigned addr, uint8_t *dest, size_t len)
{
	size_t first = RX_STOP_PAGE * NE_PAGE_SIZE - addr;
	int rc;

	if (first > len)
		first = len;
	rc = read_memory(ne, addr, dest, first);
	if (rc == 0 && first < len)
		rc = read_memory(ne, RX_START_PAGE * NE_PAGE_SIZE, dest + first,
				 len - first);
	return rc;
}

/*
 * The initialisation sequence of the DP8390 datasheet, up to a started
 * chip that neither stores nor sends frames yet (monitor mode, internal
 * loopback); the caller chooses when to go on the wire.
 */
static int program_chip(struct ne2k *ne)
{
	unsigned i;
	int rc;

	rc = reset_chip(ne);
	if (rc != 0)
		return rc;
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STP);
	ne_write8(ne, NE_DCR, NE_DCR_FT1 | NE_DCR_LS | NE_DCR_WTS);
	ne_write8(ne, NE_RBCR0, 0);
	ne_write8(ne, NE_RBCR1, 0);
	ne_write8(ne, NE_RCR, NE_RCR_MON);
	ne_write8(ne, NE_TCR, NE_TCR_LOOPBACK);
	ne_write8(ne, NE_PSTART, RX_START_PAGE);
	ne_write8(ne, NE_PSTOP, RX_STOP_PAGE);
	ne_write8(ne, NE_BNRY, RX_START_PAGE);
	ne_write8(ne, NE_ISR, NE_ISR_ALL);
	ne_write8(ne, NE_IMR, 0);
	ne_write8(ne, NE_CR, NE_CR_PAGE1 | NE_CR_NODMA | NE_CR_STP);
	for (i = 0; i < ETH_ALEN; i++)
		ne_write8(ne, NE_PAR0 + i, ne->netdev->ll_addr[i]);
	/* All multicast groups: the stack filters what it does not want. */
	for (i = 0; i < 8; i++)
		ne_write8(ne, NE_MAR0 + i, 0xff);
	/* The chip stores from CURR on; BNRY stays one page behind what we
	 * read next, so the ring starts out empty. */
	ne_write8(ne, NE_CURR, RX_START_PAGE + 1);
	ne->next_page = RX_START_PAGE + 1;
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STA);
	return 0;
}

static void go_on_wire(struct ne2k *ne)
{
	ne_write8(ne, NE_TCR, NE_TCR_NORMAL);
	ne_write8(ne, NE_RCR, NE_RCR_AB | NE_RCR_AM);
}

static void complete_tx_head(struct ne2k *ne, int rc)
{
	struct io_buffer *iob = ne->tx_queue[ne->tx_head % TX_QUEUE_LEN];

	ne->tx_queue[ne->tx_head++ % TX_QUEUE_LEN] = NULL;
	ne->tx_busy = false;
	netdev_tx_complete(ne->netdev, iob, rc);
}

/* Copies the oldest queued frame into the transmit buffer and sends it;
 * frames that cannot be copied fail and the next is tried. */
static void start_next_tx(struct ne2k *ne)
{
	while (!ne->tx_busy && ne->tx_head != ne->tx_tail) {
		struct io_buffer *iob = ne->tx_queue[ne->tx_head % TX_QUEUE_LEN];
		size_t len = iob_len(iob);
		/* The chip sends runts as they are: pad them with zeros. */
		size_t wire_len = len < ETH_ZLEN ? ETH_ZLEN : len;
		int rc;

		rc = write_memory(ne, TX_START_PAGE * NE_PAGE_SIZE, iob->data,
				  len, wire_len);
		if (rc != 0) {
			complete_tx_head(ne, rc);
			continue;
		}
		ne_write8(ne, NE_TPSR, TX_START_PAGE);
		ne_write8(ne, NE_TBCR0, wire_len & 0xff);
		ne_write8(ne, NE_TBCR1, (wire_len >> 8) & 0xff);
		ne->tx_busy = true;
		ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STA |
			  NE_CR_TXP);
	}
}

static void reap_tx(struct ne2k *ne)
{
	uint8_t isr;

	if (!ne->tx_busy)
		return;
	isr = ne_read8(ne, NE_ISR) & (NE_ISR_PTX | NE_ISR_TXE);
	if (!isr)
		return;
	ne_write8(ne, NE_ISR, isr);
	complete_tx_head(ne, (isr & NE_ISR_PTX) ? 0 : -EIO);
	start_next_tx(ne);
}

/* Starts the chip over when our view of the ring cannot be trusted; the
 * frame being sent is lost, queued ones go out afterwards. */
static void restart(struct ne2k *ne)
{
	if (ne->tx_busy)
		complete_tx_head(ne, -ECANCELED);
	if (program_chip(ne) != 0)
		return;
	go_on_wire(ne);
	start_next_tx(ne);
}

static uint8_t read_curr(struct ne2k *ne)
{
	uint8_t curr;

	ne_write8(ne, NE_CR, NE_CR_PAGE1 | NE_CR_NODMA | NE_CR_STA);
	curr = ne_read8(ne, NE_CURR);
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STA);
	return curr;
}

static bool valid_rx_header(const uint8_t *header)
{
	unsigned next = header[1];
	unsigned count = header[2] | (unsigned)header[3] << 8;

	return (header[0] & NE_RSR_PRX) && next >= RX_START_PAGE &&
	       next < RX_STOP_PAGE && count >= NE_RX_HEADER_LEN + ETH_HLEN &&
	       count <= NE_RX_HEADER_LEN + RX_MAX_LEN;
}

/* Reads every entry the chip had stored when we looked; false if the ring
 * had to be started over. */
static bool reap_rx(struct ne2k *ne)
{
	uint8_t curr = read_curr(ne);
	uint8_t header[NE_RX_HEADER_LEN] = { 0 };
	unsigned budget = RX_PAGES;	/* an entry takes a page at least */
	struct io_buffer *iob;
	size_t len;

	while (ne->next_page != curr && budget--) {
		unsigned entry = ne->next_page * NE_PAGE_SIZE;

		if (curr < RX_START_PAGE || curr >= RX_STOP_PAGE ||
		    read_memory(ne, entry, header, sizeof(header)) != 0 ||
		    !valid_rx_header(header)) {
			DBG("ne2k-pci %s: bad ring entry at page %#x (CURR %#x, "
			    "header %02x %02x %02x %02x), restarting\n",
			    ne->netdev->name, ne->next_page, curr, header[0],
			    header[1], header[2], header[3]);
			netdev_rx_err(ne->netdev, NULL, -EPROTO);
			restart(ne);
			return false;
		}
		len = (header[2] | (size_t)header[3] << 8) - NE_RX_HEADER_LEN;
		iob = alloc_iob(len);
		if (!iob) {
			netdev_rx_err(ne->netdev, NULL, -ENOMEM);
		} else if (read_ring(ne, entry + NE_RX_HEADER_LEN,
				     iob_put(iob, len), len) != 0) {
			netdev_rx_err(ne->netdev, iob, -EIO);
		} else {
			DBG2("ne2k-pci %s: received %zu bytes at page %#x\n",
			     ne->netdev->name, len, ne->next_page);
			netdev_rx(ne->netdev, iob);
		}
		/* Give the entry's pages back. */
		ne->next_page = header[1];
		ne_write8(ne, NE_BNRY, (ne->next_page == RX_START_PAGE ?
					RX_STOP_PAGE : ne->next_page) - 1);
	}
	return true;
}

/*
 * The receive ring overflowed and the chip stopped storing frames. The
 * DP8390 datasheet's recovery: stop, let a frame in transmission finish,
 * drain the ring in loopback mode (so nothing new arrives meanwhile), then
 * go back on the wire and send again what the stop cut off.
 */
static void recover_overflow(struct ne2k *ne)
{
	bool was_sending = ne_read8(ne, NE_CR) & NE_CR_TXP;
	bool resend;

	DBG("ne2k-pci %s: receive ring overflow\n", ne->netdev->name);
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STP);
	udelay(STOP_SETTLE_US);
	ne_write8(ne, NE_RBCR0, 0);
	ne_write8(ne, NE_RBCR1, 0);
	resend = was_sending &&
		 !(ne_read8(ne, NE_ISR) & (NE_ISR_PTX | NE_ISR_TXE));
	ne_write8(ne, NE_TCR, NE_TCR_LOOPBACK);
	ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STA);
	ne_write8(ne, NE_ISR, NE_ISR_PRX | NE_ISR_RXE);
	if (!reap_rx(ne))
		return;
	ne_write8(ne, NE_ISR, NE_ISR_OVW);
	ne_write8(ne, NE_TCR, NE_TCR_NORMAL);
	if (resend)
		ne_write8(ne, NE_CR, NE_CR_PAGE0 | NE_CR_NODMA | NE_CR_STA |
			  NE_CR_TXP);
}

static int ne2k_open(struct net_device *netdev)
{
	struct ne2k *ne = netdev->priv;
	int rc;

	rc = program_chip(ne);
	if (rc != 0) {
		reset_chip(ne);
		return rc;
	}
	go_on_wire(ne);
	netdev_link_up(netdev);
	return 0;
}

static void ne2k_close(struct net_device *netdev)
{
	struct ne2k *ne = netdev->priv;
	unsigned i;

	reset_chip(ne);
	/* Queued frames belong to the network layer, which completes them. */
	for (i = 0; i < TX_QUEUE_LEN; i++)
		ne->tx_queue[i] = NULL;
	ne->tx_head = ne->tx_tail = 0;
	ne->tx_busy = false;
}

static int ne2k_transmit(struct net_device *netdev, struct io_buffer *iob)
{
	struct ne2k *ne = netdev->priv;

	if (iob_len(iob) > MAX_FRAME_LEN)
		return -EMSGSIZE;
	reap_tx(ne);
	if (ne->tx_tail - ne->tx_head >= TX_QUEUE_LEN)
		return -ENOBUFS;
	ne->tx_queue[ne->tx_tail++ % TX_QUEUE_LEN] = iob;
	start_next_tx(ne);
	return 0;
}

static void ne2k_poll(struct net_device *netdev)
{
	struct ne2k *ne = netdev->priv;
	uint8_t isr = ne_read8(ne, NE_ISR);

	reap_tx(ne);
	if (isr & NE_ISR_OVW) {
		recover_overflow(ne);
	} else if (isr & (NE_ISR_PRX | NE_ISR_RXE)) {
		/* Cleared first: a frame stored while we read sets it again. */
		ne_write8(ne, NE_ISR, NE_ISR_PRX | NE_ISR_RXE);
		reap_rx(ne);
	}
	if (isr & NE_ISR_CNT)
		ne_write8(ne, NE_ISR, NE_ISR_CNT);
}

static const struct net_device_operations ne2k_operations = {
	.open = ne2k_open,
	.close = ne2k_close,
	.transmit = ne2k_transmit,
	.poll = ne2k_poll,
};

/* The MAC address is the start of the board's PROM; in word mode every
 * PROM byte comes twice. */
static int read_mac(struct ne2k *ne)
{
	uint8_t prom[2 * NE_PROM_WORDS];
	unsigned i;
	int rc;

	rc = program_chip(ne);
	if (rc == 0)
		rc = read_memory(ne, NE_PROM_ADDR, prom, sizeof(prom));
	reset_chip(ne);
	if (rc != 0)
		return rc;
	for (i = 0; i < ETH_ALEN; i++)
		ne->netdev->hw_addr[i] = prom[2 * i];
	/* A multicast or all-zero address means this is no NE2000 PROM. */
	if ((prom[0] & 1) || !memcmp(ne->netdev->hw_addr, "\0\0\0\0\0\0", ETH_ALEN))
		return -ENODEV;
	return 0;
}

/* (Enabling the device turns on I/O decoding; bus mastering too, which
 * this chip never uses.) */
static int ne2k_init(struct pci_device *pci, struct net_device *netdev)
{
	struct ne2k *ne = netdev->priv;
	int rc;

	ne->pci = pci;
	ne->netdev = netdev;
	rc = read_mac(ne);
	if (rc != 0)
		return rc;
	/* No PHY to ask: a DP8390 has no link status. */
	netdev_link_up(netdev);
	pci_nic_dbg_probed(pci, netdev, "%s", pci->id->name);
	return 0;
}

static void ne2k_quiesce(struct net_device *netdev)
{
	reset_chip(netdev->priv);
}

static const struct pci_nic_ops ne2k_nic = {
	.priv_len = sizeof(struct ne2k),
	.op = &ne2k_operations,
	.io_bars = 1u << NE_BAR,
	.init = ne2k_init,
	.quiesce = ne2k_quiesce,
};

static const struct pci_device_id ne2k_pci_ids[] = {
	PCI_ID(0x10ec, 0x8029, "rtl8029", 0),
	PCI_ID(0x1050, 0x0940, "winbond89c940", 0),
	PCI_ID(0x1050, 0x5a5a, "winbond89c940f", 0),
	PCI_ID(0x11f6, 0x1401, "compexrl2000", 0),
	PCI_ID(0x8e2e, 0x3000, "ktiet32p2", 0),
	PCI_ID(0x4a14, 0x5000, "nv5000sc", 0),
	PCI_ID(0x1106, 0x0926, "via86c926", 0),
	PCI_ID(0x10bd, 0x0e34, "surecom-ne34", 0),
};

PCI_DRIVER(ne2k_pci_driver) = {
	.name = "ne2k-pci",
	.ids = ne2k_pci_ids,
	.id_count = ARRAY_SIZE(ne2k_pci_ids),
	.probe = pci_nic_probe,
	.remove = pci_nic_remove,
	.shutdown = pci_nic_shutdown,
	.ops = &ne2k_nic,
};

FEATURE("ne2k-pci");
