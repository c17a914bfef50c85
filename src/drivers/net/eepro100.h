/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_EEPRO100_H
#define DRIVERS_NET_EEPRO100_H

/*
 * Intel 8255x (82557, 82558, 82559, 82550/1, ICH2's 82562) registers and
 * memory structures, from the family's software developer manual. The
 * control/status registers sit in memory BAR 0; the shared memory
 * structures are little-endian and use the simplified forms, where the
 * frame follows the block that describes it.
 */

#include <stdint.h>
#include <wireboot/compiler.h>

#define E100_CSR_BAR 0

/* System control block (SCB) and the other control/status registers. */
#define E100_SCB_STATUS 0x00	/* 8 bits: CU and RU state */
#define E100_SCB_COMMAND 0x02	/* 8 bits: cleared when a command is taken */
#define E100_SCB_INTMASK 0x03
#define E100_SCB_POINTER 0x04	/* 32 bits: the command's argument */
#define E100_PORT 0x08		/* 32 bits */
#define E100_EEPROM_CONTROL 0x0e	/* 16 bits */
#define E100_MDI_CONTROL 0x10	/* 32 bits */

#define E100_RU_STATE(status) (((status) >> 2) & 0x0f)
#define E100_RU_READY 4

#define E100_INTMASK_ALL 0x01

/* SCB commands: command unit (CU) in the high nibble, receive unit (RU)
 * in the low one. */
#define E100_CU_START 0x10
#define E100_CU_RESUME 0x20
#define E100_CU_LOAD_BASE 0x60
#define E100_RU_START 0x01
#define E100_RU_LOAD_BASE 0x06

/* PORT functions; the chip needs a moment after either. */
#define E100_PORT_SOFTWARE_RESET 0
#define E100_PORT_SELECTIVE_RESET 2
#define E100_PORT_DELAY_US 20

/* Serial (Microwire) EEPROM through the EEPROM control register. */
#define E100_EE_SK 0x01		/* clock */
#define E100_EE_CS 0x02		/* chip select */
#define E100_EE_DI 0x04		/* data to the EEPROM */
#define E100_EE_DO 0x08		/* data from the EEPROM */
#define E100_EE_MAX_ADDRESS_BITS 8
#define E100_EE_WORD_MAC 0	/* words 0-2, low byte first */
#define E100_EE_WORD_PHY 6	/* bits 4:0: the PHY's MDI address */
#define E100_EE_PHY_ADDRESS_MASK 0x1f
#define E100_EE_CHECKSUM 0xbaba	/* sum of every word */

/* MDI control register: management access to the PHY. */
#define E100_MDI_READ (2u << 26)
#define E100_MDI_PHY_SHIFT 21
#define E100_MDI_REGISTER_SHIFT 16
#define E100_MDI_READY (1u << 28)
#define E100_MDI_DATA_MASK 0xffff
#define E100_MII_BMSR 1		/* basic mode status */
#define E100_MII_BMSR_LINK 0x0004

/* Status and command words of command blocks and receive frame
 * descriptors. */
#define E100_STATUS_C 0x8000	/* complete */
#define E100_STATUS_OK 0x2000
#define E100_COMMAND_EL 0x8000	/* end of list: stop after this one */
#define E100_COMMAND_S 0x4000	/* suspend after this one */
#define E100_CMD_IA_SETUP 1
#define E100_CMD_TX 4

/* Room for a frame in a transmit block or a receive descriptor: a full
 * frame with a VLAN tag; 16-byte header plus this is 1536 bytes. */
#define E100_FRAME_SPACE 1520

struct e100_cb_header {
	uint16_t status;
	uint16_t command;
	uint32_t link;		/* the next block */
} __packed;

/* Individual address setup: the MAC the chip receives for. */
struct e100_ias {
	struct e100_cb_header header;
	uint8_t mac[6];
} __packed;

/* Transmit command block, simplified mode: the frame follows. */
struct e100_txcb {
	struct e100_cb_header header;
	uint32_t tbd_array;	/* E100_TBD_NONE */
	uint16_t byte_count;	/* with E100_TCB_EOF */
	uint8_t threshold;	/* bytes in the FIFO, in 8s, before sending */
	uint8_t tbd_count;
	uint8_t data[E100_FRAME_SPACE];
} __packed;

#define E100_TBD_NONE 0xffffffffu
#define E100_TCB_EOF 0x8000
/* Above any frame size: the whole frame is fetched before it is sent. */
#define E100_TX_THRESHOLD 0xe0

union e100_command_block {
	struct e100_cb_header header;
	struct e100_ias ias;
	struct e100_txcb tx;
};

/* Receive frame descriptor, simplified mode: the frame follows. */
struct e100_rfd {
	uint16_t status;
	uint16_t command;
	uint32_t link;
	uint32_t rx_buffer;	/* unused in simplified mode: all ones */
	uint16_t count;		/* bytes received, with EOF and F flags */
	uint16_t size;		/* room in data */
	uint8_t data[E100_FRAME_SPACE];
} __packed;

#define E100_RFD_COUNT_MASK 0x3fff

#endif
