/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_INTEL_H
#define DRIVERS_NET_INTEL_H

/*
 * What Intel's gigabit NICs share: the 8254x family (e1000) and the 82574L
 * (e1000e) have the same registers for reset, link, address filters and
 * one receive and one transmit ring of legacy descriptors (8254x manual,
 * chapters 3 and 13; 82574 datasheet, chapters 7 and 10). intel.c drives
 * that model by polling, interrupts masked; each driver gives its PCI IDs
 * and what differs in a struct intel_variant.
 */

#include <stdbool.h>
#include <stdint.h>
#include <drivers/net/pci_nic.h>
#include <wireboot/compiler.h>
#include <wireboot/debug.h>
#include <wireboot/iobuf.h>
#include <wireboot/netdev.h>
#include <wireboot/pci.h>

/* Registers: offsets in the memory BAR 0. */
#define INTEL_CTRL 0x0000
#define INTEL_CTRL_SLU (1u << 6)	/* set link up */
#define INTEL_CTRL_FRCSPD (1u << 11)
#define INTEL_CTRL_FRCDPX (1u << 12)
#define INTEL_CTRL_RST (1u << 26)	/* self-clearing */
#define INTEL_STATUS 0x0008
#define INTEL_STATUS_LU (1u << 1)
#define INTEL_EECD 0x0010		/* EEPROM control, bit by bit */
#define INTEL_EERD 0x0014		/* EEPROM read, a word at a time */
#define INTEL_IMC 0x00d8		/* interrupt mask clear */
#define INTEL_RCTL 0x0100
#define INTEL_RCTL_EN (1u << 1)
#define INTEL_RCTL_MPE (1u << 4)	/* accept every multicast */
#define INTEL_RCTL_BAM (1u << 15)	/* accept broadcast */
#define INTEL_RCTL_SECRC (1u << 26)	/* strip the CRC */
/* BSIZE (bits 16-17) and BSEX left 0: 2048-byte receive buffers. */
#define INTEL_RX_BUFFER_LEN 2048
#define INTEL_TCTL 0x0400
#define INTEL_TCTL_EN (1u << 1)
#define INTEL_TCTL_PSP (1u << 3)	/* pad short packets */
#define INTEL_TCTL_CT(n) ((uint32_t)(n) << 4)	/* collision threshold */
#define INTEL_TCTL_COLD(n) ((uint32_t)(n) << 12)	/* collision distance */
#define INTEL_TIPG 0x0410
#define INTEL_RDBAL 0x2800
#define INTEL_RDBAH 0x2804
#define INTEL_RDLEN 0x2808
#define INTEL_RDH 0x2810
#define INTEL_RDT 0x2818
#define INTEL_TDBAL 0x3800
#define INTEL_TDBAH 0x3804
#define INTEL_TDLEN 0x3808
#define INTEL_TDH 0x3810
#define INTEL_TDT 0x3818
#define INTEL_MTA 0x5200		/* multicast hash table */
#define INTEL_MTA_ENTRIES 128
#define INTEL_RAL0 0x5400		/* receive address 0, bytes 0-3 */
#define INTEL_RAH0 0x5404		/* bytes 4-5 */
#define INTEL_RAH_AV (1u << 31)		/* address valid */

/* Legacy descriptors (16 bytes; rings 128-byte multiples). */
struct intel_rx_desc {
	uint64_t addr;
	uint16_t length;
	uint16_t checksum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;
} __packed;
#define INTEL_RXD_STAT_DD (1u << 0)	/* descriptor done */
#define INTEL_RXD_STAT_EOP (1u << 1)	/* end of packet */
/* CRC, symbol, sequence, carrier extension and data errors; the checksum
 * offload results (bits 5-6) are not errors of the frame. */
#define INTEL_RXD_ERR_FRAME 0x97

struct intel_tx_desc {
	uint64_t addr;
	uint16_t length;
	uint8_t cso;
	uint8_t cmd;
	uint8_t status;
	uint8_t css;
	uint16_t special;
} __packed;
#define INTEL_TXD_CMD_EOP (1u << 0)
#define INTEL_TXD_CMD_IFCS (1u << 1)	/* append the CRC */
#define INTEL_TXD_CMD_RS (1u << 3)	/* report status (DD) */
#define INTEL_TXD_STAT_DD (1u << 0)
#define INTEL_TXD_STAT_EC (1u << 1)	/* excess collisions */
#define INTEL_TXD_STAT_LC (1u << 2)	/* late collision */

/* Ring sizes: powers of two, so that free-running counters wrap cleanly. */
#define INTEL_RX_DESCS 32
#define INTEL_TX_DESCS 16

struct intel_nic;

/* What differs between the parts. */
struct intel_variant {
	/* Reads EEPROM word `word`; used when RAL0/RAH0 hold no address. */
	int (*read_eeprom)(struct intel_nic *intel, unsigned word,
			   uint16_t *value);
	/* Optional: waits until the chip is usable after CTRL.RST. */
	int (*reset_done)(struct intel_nic *intel);
	/* Optional: transmit settings beyond the common ones, before the
	 * transmitter is enabled. */
	void (*configure_tx)(struct intel_nic *intel);
};

struct intel_buffer {
	struct io_buffer *iob;	/* NULL while free */
	struct dma_mapping map;
};

struct intel_nic {
	struct pci_device *pci;
	struct net_device *netdev;
	const struct intel_variant *variant;
	/* Both rings in one coherent allocation: receive, then transmit. */
	void *rings;
	struct dma_mapping rings_map;
	struct intel_rx_desc *rx_ring;
	struct intel_tx_desc *tx_ring;
	/* Free-running: descriptor index is counter % ring size. */
	unsigned rx_prod, rx_cons, tx_prod, tx_cons;
	unsigned rx_tail;	/* rx_prod as RDT last told the chip */
	uint64_t link_checked_us;
	bool rx_discarding;	/* inside a frame that spans descriptors */
	struct intel_buffer rx[INTEL_RX_DESCS];
	struct intel_buffer tx[INTEL_TX_DESCS];
};

static inline uint32_t intel_read(struct intel_nic *intel, unsigned reg)
{
	return pci_bar_read32(intel->pci, 0, reg);
}

static inline void intel_write(struct intel_nic *intel, unsigned reg,
			       uint32_t value)
{
	pci_bar_write32(intel->pci, 0, reg, value);
}

/* The chip operations for pci_nic.c (BAR 0 must be memory); a driver
 * gives its variant: .ops = INTEL_NIC_OPS(&variant). */
extern const struct net_device_operations intel_operations;
int intel_init(struct pci_device *pci, struct net_device *netdev);
void intel_quiesce(struct net_device *netdev);
#define INTEL_NIC_OPS(variant_)                                              \
	(&(const struct pci_nic_ops){                                        \
		.priv_len = sizeof(struct intel_nic),                        \
		.op = &intel_operations,                                     \
		.memory_bars = 1u << 0,                                      \
		.init = intel_init,                                          \
		.quiesce = intel_quiesce,                                    \
		.variant = (variant_),                                       \
	})

#endif
