/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A test configuration: native NIC drivers lose every received frame
 * (core/netdev_fault_rx.c), so that the fallback to the firmware's driver
 * can be seen working. Never for a real machine; SECURE_BOOT=1 refuses it.
 */
#define NETDEV_FAULT_RX
