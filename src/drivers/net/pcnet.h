/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_PCNET_H
#define DRIVERS_NET_PCNET_H

/*
 * AMD PCnet-PCI II (Am79C970A) registers and memory structures, as used
 * with 32-bit I/O (DWIO) and software style 2: 32-bit addresses and
 * 16-byte descriptors. All structures are little-endian.
 */

#include <stdint.h>
#include <wireboot/ethernet_defs.h>
#include <wireboot/compiler.h>

/* I/O BAR 0 in DWIO mode. The address PROM (the MAC in bytes 0-5) sits
 * at offset 0; reading RESET resets the chip. */
#define PCNET_IO_BAR 0
#define PCNET_APROM 0x00
#define PCNET_RDP 0x10		/* data of the CSR that RAP selects */
#define PCNET_RAP 0x14		/* register address */
#define PCNET_RESET 0x18
#define PCNET_BDP 0x1c		/* data of the BCR that RAP selects */
/* The same chip before it enters DWIO mode: 16-bit registers. */
#define PCNET_WIO_RESET 0x14

/* CSR0: controller status and commands. */
#define PCNET_CSR0 0
#define PCNET_CSR0_INIT 0x0001
#define PCNET_CSR0_STRT 0x0002
#define PCNET_CSR0_STOP 0x0004
#define PCNET_CSR0_TDMD 0x0008	/* transmit demand: look at the ring now */
#define PCNET_CSR0_IDON 0x0100	/* initialization done (write 1 clears) */
/* CSR1/CSR2: initialization block address, low and high 16 bits. */
#define PCNET_CSR_IADR_LOW 1
#define PCNET_CSR_IADR_HIGH 2

/* BCR4: link status LED; bit 15 reads the link state when the LED is
 * programmed to show it (LNKSTE, the reset default). */
#define PCNET_BCR_LNKST 4
#define PCNET_BCR_LNKST_LEDOUT 0x8000
/* BCR20: software style; 2 selects 32-bit structures (and SSIZE32). */
#define PCNET_BCR_SWSTYLE 20
#define PCNET_SWSTYLE_PCNET_PCI 2

/* Descriptor ownership and framing (the high half of the second dword). */
#define PCNET_DESC_OWN 0x8000	/* the chip owns it */
#define PCNET_DESC_ERR 0x4000
#define PCNET_DESC_STP 0x0200	/* start of packet */
#define PCNET_DESC_ENP 0x0100	/* end of packet */
/* Buffer sizes are negative 12-bit counts with the top 4 bits set. */
#define PCNET_BCNT_ONES 0xf000
#define PCNET_BCNT_MASK 0x0fff
/* Received message byte count (in msg_length), which includes the FCS. */
#define PCNET_MCNT_MASK 0x0fff
#define PCNET_FCS_LEN ETH_FCS_LEN

struct pcnet_rx_desc {
	uint32_t address;
	uint16_t buffer_length;	/* PCNET_BCNT_ONES | -length */
	uint16_t status;
	uint32_t msg_length;
	uint32_t reserved;
} __packed;

struct pcnet_tx_desc {
	uint32_t address;
	uint16_t length;	/* PCNET_BCNT_ONES | -length */
	uint16_t status;
	uint32_t misc;		/* error details */
	uint32_t reserved;
} __packed;

/* Initialization block for software style 2 (ring lengths as log2 in the
 * high nibble). */
struct pcnet_init_block {
	uint16_t mode;		/* becomes CSR15; 0: normal reception */
	uint8_t rx_length_log2;
	uint8_t tx_length_log2;
	uint8_t mac[6];
	uint16_t reserved;
	uint8_t multicast_filter[8];
	uint32_t rx_ring;
	uint32_t tx_ring;
} __packed;

#define PCNET_RING_LOG2_SHIFT 4

#endif
