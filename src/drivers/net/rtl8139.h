/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_RTL8139_H
#define DRIVERS_NET_RTL8139_H

/*
 * Realtek RTL8139 registers (RTL8139(A/B/C) datasheets). The same 256-byte
 * block is decoded through I/O BAR 0 and memory BAR 1.
 */

#include <stdint.h>
#include <wireboot/ethernet_defs.h>

#define RTL_IDR0 0x00		/* MAC address, 6 bytes */
#define RTL_MAR0 0x08		/* multicast hash filter, 8 bytes */
#define RTL_TSD0 0x10		/* transmit status of descriptor n: +4n */
#define RTL_TSAD0 0x20		/* transmit start address of descriptor n: +4n */
#define RTL_RBSTART 0x30	/* receive ring start address */
#define RTL_CR 0x37		/* command */
#define RTL_CAPR 0x38		/* current address of packet read (minus 16) */
#define RTL_CBR 0x3a		/* current buffer address: the chip's write offset */
#define RTL_IMR 0x3c		/* interrupt mask */
#define RTL_ISR 0x3e		/* interrupt status, write 1 to clear */
#define RTL_TCR 0x40		/* transmit configuration */
#define RTL_RCR 0x44		/* receive configuration */
#define RTL_MPC 0x4c		/* missed packet counter, write clears */
#define RTL_MSR 0x58		/* media status */
/* C+ mode (RTL8139C+ only) */
#define RTL_TNPDS 0x20		/* normal-priority transmit ring, 64 bits */
#define RTL_TPPOLL 0xd9		/* transmit poll */
#define RTL_CPCR 0xe0		/* C+ command */
#define RTL_RDSAR 0xe4		/* receive descriptor ring, 64 bits */

#define RTL_TX_DESCRIPTORS 4

/* CR */
#define RTL_CR_RST 0x10
#define RTL_CR_RE 0x08
#define RTL_CR_TE 0x04
#define RTL_CR_BUFE 0x01	/* receive ring empty */

/* ISR: every status bit, to clear them all. */
#define RTL_ISR_ALL 0xffff

/* TCR: standard inter-frame gap, 2 KiB DMA bursts. */
#define RTL_TCR_IFG_STANDARD (3u << 24)
#define RTL_TCR_MXDMA_2048 (7u << 8)
/* TCR hardware version (bits 30-26, 23-22): the RTL8139C+ has C+ mode. */
#define RTL_TCR_HWVER_MASK 0x7cc00000u
#define RTL_TCR_HWVER_8139CPLUS 0x74800000u

/* TPPOLL */
#define RTL_TPPOLL_NPQ 0x40	/* the normal-priority ring has frames */

/* CPCR */
#define RTL_CPCR_TXENB 0x0001
#define RTL_CPCR_RXENB 0x0002
#define RTL_CPCR_PCIDAC 0x0010	/* 64-bit bus addresses */

/* RCR */
#define RTL_RCR_APM 0x02	/* our own unicast address */
#define RTL_RCR_AM 0x04		/* multicast (through the MAR hash) */
#define RTL_RCR_AB 0x08		/* broadcast */
#define RTL_RCR_WRAP 0x80	/* 1: frames overrun the ring end instead of wrapping */
#define RTL_RCR_MXDMA_UNLIMITED (7u << 8)
#define RTL_RCR_RBLEN_SHIFT 11	/* ring length 8 KiB << n, n = 0..3 */
#define RTL_RCR_RXFTH_NONE (7u << 13)	/* DMA a frame once it is whole */

/* TSD */
#define RTL_TSD_SIZE_MASK 0x1fff
#define RTL_TSD_OWN (1u << 13)	/* the chip has copied the buffer */
#define RTL_TSD_TUN (1u << 14)	/* FIFO underrun */
#define RTL_TSD_TOK (1u << 15)	/* sent */
#define RTL_TSD_ERTXTH_SHIFT 16	/* early transmit threshold, 32-byte units */
#define RTL_TSD_TABT (1u << 30)	/* aborted */
#define RTL_TX_MAX_LEN 1792	/* largest frame one descriptor takes */

/* MSR */
#define RTL_MSR_LINKB 0x04	/* 1 while the link is down */

/* Receive ring entries: a 32-bit header (status, then length including the
 * 4-byte CRC), the frame, the CRC, padding to a 4-byte boundary. */
#define RTL_RX_HEADER_LEN 4
#define RTL_RX_CRC_LEN ETH_FCS_LEN
#define RTL_RX_STATUS_ROK 0x0001
#define RTL_RX_STATUS_ERRORS 0x003e	/* FAE, CRC, LONG, RUNT, ISE */
/* The length a header carries while the chip is still writing the frame. */
#define RTL_RX_LEN_IN_PROGRESS 0xfff0
/* CAPR is written 16 bytes short of the read offset: a quirk of the chip
 * that every driver follows. */
#define RTL_CAPR_OFFSET 16

/* C+ mode descriptors (both rings): 16 bytes, little-endian, the rings
 * 256-byte aligned; the chip walks a ring until EOR, then starts over. */
struct rtl_cp_desc {
	uint32_t flags;		/* OWN, EOR, FS, LS, status, length */
	uint32_t vlan;
	uint64_t addr;
};

#define RTL_CP_OWN (1u << 31)	/* the chip's */
#define RTL_CP_EOR (1u << 30)	/* last of the ring */
#define RTL_CP_FS (1u << 29)	/* first segment of a frame */
#define RTL_CP_LS (1u << 28)	/* last segment */
#define RTL_CP_TX_TES (1u << 23)	/* transmit error summary */
#define RTL_CP_TX_LEN_MASK 0xffffu
#define RTL_CP_RX_RES (1u << 20)	/* receive error summary */
/* Receive: the buffer's size as given, the frame's (with CRC) as written. */
#define RTL_CP_RX_LEN_MASK 0x1fffu

#endif
