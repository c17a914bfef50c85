/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_VMXNET3_H
#define DRIVERS_NET_VMXNET3_H

/*
 * The VMware vmxnet3 device interface (revision 1, UPT version 1): its
 * registers, commands, ring descriptors and the memory the driver shares
 * with it. All multi-byte fields are little-endian; bit fields are given
 * as masks on whole 32-bit words so the layout does not depend on how a
 * compiler packs C bit fields.
 */

#include <stddef.h>
#include <stdint.h>

/* BAR 0: "pass-through" registers, the doorbells (8 bytes apart per
 * interrupt or queue). */
#define VMXNET3_PT_BAR 0
#define VMXNET3_REG_IMR 0x000		/* interrupt mask, + 8 * vector */
#define VMXNET3_REG_TXPROD 0x600	/* tx ring producer, + 8 * queue */
#define VMXNET3_REG_RXPROD 0x800	/* rx ring 0 producer, + 8 * queue */
#define VMXNET3_REG_RXPROD2 0xa00	/* rx ring 1 producer, + 8 * queue */

/* BAR 1: "virtual device" registers. */
#define VMXNET3_VD_BAR 1
#define VMXNET3_REG_VRRS 0x00	/* revisions offered; write one to select */
#define VMXNET3_REG_UVRS 0x08	/* UPT versions offered; write to select */
#define VMXNET3_REG_DSAL 0x10	/* shared area address, low 32 bits */
#define VMXNET3_REG_DSAH 0x18	/* shared area address, high 32 bits */
#define VMXNET3_REG_CMD 0x20	/* write a command, read its result */
#define VMXNET3_REG_MACL 0x28	/* MAC bytes 0-3 */
#define VMXNET3_REG_MACH 0x30	/* MAC bytes 4-5 */
#define VMXNET3_REG_ICR 0x38	/* interrupt cause */
#define VMXNET3_REG_ECR 0x40	/* event cause: write ones to acknowledge */

#define VMXNET3_REVISION_1 0x1
#define VMXNET3_UPT_VERSION_1 0x1

/* Commands: the "set" group acts, the "get" group leaves a result in CMD. */
#define VMXNET3_CMD_ACTIVATE_DEV 0xcafe0000	/* result 0: active */
#define VMXNET3_CMD_QUIESCE_DEV 0xcafe0001
#define VMXNET3_CMD_RESET_DEV 0xcafe0002
#define VMXNET3_CMD_GET_LINK 0xf00d0002

/* GET_LINK result: speed in Mbit/s in the upper half, bit 0 up. */
#define VMXNET3_LINK_UP 0x00000001
#define VMXNET3_LINK_SPEED_SHIFT 16

/* Event cause bits (ECR, and the shared area's copy). */
#define VMXNET3_ECR_RQERR 0x01	/* a receive queue stopped on an error */
#define VMXNET3_ECR_TQERR 0x02	/* a transmit queue stopped on an error */
#define VMXNET3_ECR_LINK 0x04	/* the link changed */

/* Alignment the device requires of ring bases and the queue table; ring
 * sizes are multiples of 32 descriptors. */
#define VMXNET3_RING_ALIGN 512
#define VMXNET3_QUEUE_DESC_ALIGN 128
#define VMXNET3_RING_SIZE_MULTIPLE 32
#define VMXNET3_MAX_BUFFER_LEN 0x3fff	/* a descriptor's length field */

/*
 * Rings. The producer of a ring entry owns it while the entry's
 * generation bit differs from the consumer's current generation, which
 * starts at 1 and flips each time the consumer wraps around.
 */
#define VMXNET3_INITIAL_GEN 1

/* Transmit descriptor. */
struct vmxnet3_tx_desc {
	uint64_t address;
	uint32_t len_gen;	/* length (0 means 16 KiB), generation */
	uint32_t flags;		/* header length, offload mode, EOP, CQ, VLAN */
};
#define VMXNET3_TXD_LEN_MASK 0x00003fff
#define VMXNET3_TXD_GEN_SHIFT 14
#define VMXNET3_TXD_EOP 0x00001000	/* last descriptor of the frame */
#define VMXNET3_TXD_CQ 0x00002000	/* request a completion */

/* Transmit completion: the index of the frame's last descriptor. */
struct vmxnet3_tx_comp {
	uint32_t index;
	uint32_t reserved[2];
	uint32_t type_gen;
};
#define VMXNET3_TCD_INDEX_MASK 0x00000fff
#define VMXNET3_CD_GEN_SHIFT 31		/* in type_gen of both completions */

/* Receive descriptor. */
struct vmxnet3_rx_desc {
	uint64_t address;
	uint32_t len_gen;	/* length, buffer type (0: head), generation */
	uint32_t reserved;
};
#define VMXNET3_RXD_LEN_MASK 0x00003fff
#define VMXNET3_RXD_BTYPE_BODY 0x00004000
#define VMXNET3_RXD_GEN_SHIFT 31

/* Receive completion. */
struct vmxnet3_rx_comp {
	uint32_t index;		/* descriptor index, SOP/EOP, ring id */
	uint32_t rss_hash;
	uint32_t len_err;	/* received length, error, stripped VLAN tag */
	uint32_t type_gen;	/* checksum results, type, generation */
};
#define VMXNET3_RCD_INDEX_MASK 0x00000fff
#define VMXNET3_RCD_EOP 0x00004000
#define VMXNET3_RCD_SOP 0x00008000
#define VMXNET3_RCD_RING_SHIFT 16	/* queue + ring * queue count */
#define VMXNET3_RCD_RING_MASK 0x3ff
#define VMXNET3_RCD_LEN_MASK 0x00003fff
#define VMXNET3_RCD_ERR 0x00004000

/* Shared area: what the driver tells the device at activation. */
#define VMXNET3_SHARED_MAGIC 0xbabefee1

/* Guest OS word of the driver information. */
#define VMXNET3_GOS_BITS_64 2		/* bits 0-1 */
#define VMXNET3_GOS_TYPE_LINUX 1	/* bits 2-5 */
#define VMXNET3_GOS_TYPE_SHIFT 2

struct vmxnet3_misc_config {
	uint32_t driver_version;
	uint32_t guest_os;
	uint32_t revisions;		/* device revisions the driver supports */
	uint32_t upt_versions;		/* UPT versions the driver supports */
	uint64_t upt_features;		/* offloads wanted: none */
	uint64_t driver_data_address;
	uint64_t queue_table_address;
	uint32_t driver_data_len;
	uint32_t queue_table_len;
	uint32_t mtu;
	uint16_t max_rx_fragments;
	uint8_t tx_queues;
	uint8_t rx_queues;
	uint32_t reserved[4];
};

#define VMXNET3_MAX_INTERRUPTS 25
#define VMXNET3_INTR_DISABLE_ALL 0x1	/* interrupt_config.control */

struct vmxnet3_interrupt_config {
	uint8_t auto_mask;
	uint8_t count;
	uint8_t event_vector;
	uint8_t moderation[VMXNET3_MAX_INTERRUPTS];
	uint32_t control;
	uint32_t reserved[2];
};

/* Receive filter modes. */
#define VMXNET3_RXM_UCAST 0x01
#define VMXNET3_RXM_MCAST 0x02
#define VMXNET3_RXM_BCAST 0x04
#define VMXNET3_RXM_ALL_MULTI 0x08
#define VMXNET3_RXM_PROMISC 0x10

#define VMXNET3_VLAN_TABLE_WORDS (4096 / 32)

struct vmxnet3_rx_filter_config {
	uint32_t mode;
	uint16_t multicast_table_len;
	uint16_t reserved;
	uint64_t multicast_table_address;
	uint32_t vlan_table[VMXNET3_VLAN_TABLE_WORDS];	/* bit per VLAN id */
};

/* A configuration block kept elsewhere (RSS, power management, ...). */
struct vmxnet3_variable_config {
	uint32_t version;
	uint32_t len;
	uint64_t address;
};

struct vmxnet3_shared {
	uint32_t magic;
	uint32_t reserved0;
	struct vmxnet3_misc_config misc;
	struct vmxnet3_interrupt_config interrupts;
	struct vmxnet3_rx_filter_config rx_filter;
	struct vmxnet3_variable_config rss;
	struct vmxnet3_variable_config power;
	struct vmxnet3_variable_config plugin;
	uint32_t ecr;			/* written by the device */
	uint32_t reserved1[5];
};

/* Queue table entries: the transmit queues, then the receive queues. */
struct vmxnet3_queue_status {
	uint8_t stopped;
	uint8_t reserved[3];
	uint32_t error;
};

#define VMXNET3_STATS_WORDS 10

struct vmxnet3_tx_queue_desc {
	uint32_t deferred;		/* control: frames not yet announced */
	uint32_t threshold;		/* control: set by the device */
	uint64_t reserved0;
	uint64_t ring_address;
	uint64_t data_ring_address;
	uint64_t comp_ring_address;
	uint64_t driver_data_address;
	uint64_t reserved1;
	uint32_t ring_size;
	uint32_t data_ring_size;
	uint32_t comp_ring_size;
	uint32_t driver_data_len;
	uint8_t interrupt;
	uint8_t reserved2[7];
	struct vmxnet3_queue_status status;
	uint64_t stats[VMXNET3_STATS_WORDS];
	uint8_t reserved3[88];
};

struct vmxnet3_rx_queue_desc {
	uint8_t update_producer;	/* control: device wants RXPROD writes */
	uint8_t reserved0[7];
	uint64_t reserved1;
	uint64_t ring_address[2];
	uint64_t comp_ring_address;
	uint64_t driver_data_address;
	uint64_t reserved2;
	uint32_t ring_size[2];
	uint32_t comp_ring_size;
	uint32_t driver_data_len;
	uint8_t interrupt;
	uint8_t reserved3[7];
	struct vmxnet3_queue_status status;
	uint64_t stats[VMXNET3_STATS_WORDS];
	uint8_t reserved4[88];
};

/* The device reads these at fixed offsets: prove the layout. */
_Static_assert(sizeof(struct vmxnet3_tx_desc) == 16, "tx descriptor");
_Static_assert(sizeof(struct vmxnet3_tx_comp) == 16, "tx completion");
_Static_assert(sizeof(struct vmxnet3_rx_desc) == 16, "rx descriptor");
_Static_assert(sizeof(struct vmxnet3_rx_comp) == 16, "rx completion");
_Static_assert(sizeof(struct vmxnet3_misc_config) == 72, "misc config");
_Static_assert(sizeof(struct vmxnet3_interrupt_config) == 40, "interrupt config");
_Static_assert(sizeof(struct vmxnet3_rx_filter_config) == 528, "rx filter config");
_Static_assert(offsetof(struct vmxnet3_shared, misc) == 8, "shared misc");
_Static_assert(offsetof(struct vmxnet3_shared, ecr) == 696, "shared ecr");
_Static_assert(sizeof(struct vmxnet3_shared) == 720, "shared area");
_Static_assert(offsetof(struct vmxnet3_tx_queue_desc, ring_address) == 16, "tx queue conf");
_Static_assert(offsetof(struct vmxnet3_tx_queue_desc, status) == 80, "tx queue status");
_Static_assert(sizeof(struct vmxnet3_tx_queue_desc) == 256, "tx queue descriptor");
_Static_assert(offsetof(struct vmxnet3_rx_queue_desc, ring_size) == 56, "rx queue sizes");
_Static_assert(offsetof(struct vmxnet3_rx_queue_desc, status) == 80, "rx queue status");
_Static_assert(sizeof(struct vmxnet3_rx_queue_desc) == 256, "rx queue descriptor");

#endif
