/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_DEVICE_H
#define WIREBOOT_DEVICE_H

/*
 * Finding hardware. Each platform mechanism that brings up network devices
 * (PCI drivers over the firmware's PCI I/O, the firmware's own SNP, a Linux
 * TAP device) registers a prober; the application probes them all at start
 * and removes everything before it exits or starts the next stage.
 */

#include <wireboot/tables.h>

struct device_prober {
	const char *name;
	int (*probe)(void);
	void (*remove)(void);
};
TABLE_DECLARE(const struct device_prober, device_probers);
#define DEVICE_PROBER(name) \
	const struct device_prober name TABLE_ENTRY(const struct device_prober, device_probers, 01)
/* A prober that must see what the others left: it runs after them (and,
 * as remove_devices() goes in reverse, is removed before them). */
#define DEVICE_PROBER_LATE(name) \
	const struct device_prober name TABLE_ENTRY(const struct device_prober, device_probers, 02)

void probe_devices(void);
void remove_devices(void);

#endif
