/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef DRIVERS_NET_NE2K_PCI_H
#define DRIVERS_NET_NE2K_PCI_H

/*
 * NE2000-compatible PCI cards (Realtek RTL8029 and clones): a National
 * DP8390 network interface controller (DP8390D datasheet) with the NE2000
 * board's data and reset ports, all in I/O BAR 0.
 */

#define NE_BAR 0

/* Registers, by page (CR selects the page). */
#define NE_CR 0x00		/* command, on every page */
/* Page 0 */
#define NE_PSTART 0x01		/* W: first page of the receive ring */
#define NE_PSTOP 0x02		/* W: page after the receive ring */
#define NE_BNRY 0x03		/* boundary: last page we have read */
#define NE_TPSR 0x04		/* W: transmit page start */
#define NE_TBCR0 0x05		/* W: transmit byte count */
#define NE_TBCR1 0x06
#define NE_ISR 0x07		/* interrupt status, write 1 to clear */
#define NE_RSAR0 0x08		/* W: remote DMA start address */
#define NE_RSAR1 0x09
#define NE_RBCR0 0x0a		/* W: remote DMA byte count */
#define NE_RBCR1 0x0b
#define NE_RCR 0x0c		/* W: receive configuration */
#define NE_TCR 0x0d		/* W: transmit configuration */
#define NE_DCR 0x0e		/* W: data configuration */
#define NE_IMR 0x0f		/* W: interrupt mask */
/* Page 1 */
#define NE_PAR0 0x01		/* physical address, 6 bytes */
#define NE_CURR 0x07		/* current page: where the chip writes next */
#define NE_MAR0 0x08		/* multicast hash, 8 bytes */
/* NE2000 board ports. */
#define NE_DATA 0x10		/* remote DMA data */
#define NE_RESET 0x1f		/* read, then write, to reset */

/* CR */
#define NE_CR_STP 0x01
#define NE_CR_STA 0x02
#define NE_CR_TXP 0x04
#define NE_CR_RREAD 0x08
#define NE_CR_RWRITE 0x10
#define NE_CR_NODMA 0x20
#define NE_CR_PAGE0 0x00
#define NE_CR_PAGE1 0x40

/* ISR */
#define NE_ISR_PRX 0x01		/* frame received */
#define NE_ISR_PTX 0x02		/* frame sent */
#define NE_ISR_RXE 0x04		/* receive error */
#define NE_ISR_TXE 0x08		/* transmit error (aborted) */
#define NE_ISR_OVW 0x10		/* receive ring overflow */
#define NE_ISR_CNT 0x20		/* tally counter overflow */
#define NE_ISR_RDC 0x40		/* remote DMA complete */
#define NE_ISR_RST 0x80		/* stopped (reset state) */
#define NE_ISR_ALL 0xff

/* DCR: word-wide transfers, normal (not loopback) operation, FIFO
 * threshold 8 bytes. */
#define NE_DCR_WTS 0x01
#define NE_DCR_LS 0x08
#define NE_DCR_FT1 0x40

/* RCR */
#define NE_RCR_AB 0x04		/* broadcast */
#define NE_RCR_AM 0x08		/* multicast (through the hash) */
#define NE_RCR_MON 0x20		/* monitor: check frames, store none */

/* TCR */
#define NE_TCR_NORMAL 0x00
#define NE_TCR_LOOPBACK 0x02	/* internal loopback: nothing goes out */

/* Ring entries start on a 256-byte page with a 4-byte header: receive
 * status, next entry's page, byte count (header included). */
#define NE_PAGE_SIZE 256
#define NE_RX_HEADER_LEN 4
#define NE_RSR_PRX 0x01		/* received intact */

/* The board's PROM, read by remote DMA from address 0: in word mode each
 * byte is repeated, MAC address first. */
#define NE_PROM_ADDR 0x0000
#define NE_PROM_WORDS 16

/* The 16 KiB of buffer memory: pages 0x40 up to 0x80. */
#define NE_MEMORY_START_PAGE 0x40
#define NE_MEMORY_STOP_PAGE 0x80

#endif
