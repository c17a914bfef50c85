/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/drivers/net/e1000e.c src/drivers/net/intel.c src/core/iobuf.c src/drivers/net/pci_nic.c src/core/poll.c src/drivers/net/microwire.c
/*
 * The e1000e driver (82574L) and its shared Intel ring code against a
 * hostile MAC (nic_fuzz.h, intel_model.h): the input writes receive and
 * transmit descriptor write-backs (status, errors, length) and buffers.
 */

#define NIC_FUZZ_DRIVER wb_e1000e_driver
#define NIC_FUZZ_VENDOR 0x8086
#define NIC_FUZZ_DEVICE 0x10d3
#define NIC_FUZZ_DRIVER_DATA 0
#include "../../src/drivers/net/intel.h"

/* Its receive buffers: a device may report lengths up to that. */
#define NIC_FUZZ_MAX_FRAME INTEL_RX_BUFFER_LEN
#include "nic_fuzz.h"
#include "intel_model.h"
