/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "pci/..." settings scope: "pci/<address>.<offset>.<length>" is
 * length bytes of that device's configuration space from offset, shown as
 * hex: ${pci/${addr}.0.2} is the vendor ID as it lies in configuration
 * space (little-endian, "86:80" for Intel). The address is a number, as
 * pciscan stores it or ${net0/busloc} shows it (decimal or "0x" hex).
 */

#include <errno.h>
#include <string.h>
#include <wireboot/pci_config.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(pci_settings);

#define PCI_CONFIG_MAX 4096

static int pci_fetch(const char *name, bool qualified, void *buf, size_t len,
		     enum setting_type *type)
{
	unsigned long long parts[3];
	uint8_t data[PCI_CONFIG_MAX];
	size_t value_len;

	if (!qualified || parse_setting_numbers(name, parts, 3) != 3 ||
	    parts[0] > 0xffffffffULL || parts[1] >= PCI_CONFIG_MAX ||
	    parts[2] > PCI_CONFIG_MAX - parts[1])
		return -ENOENT;
	value_len = (size_t)parts[2];
	if (pci_config_read((uint32_t)parts[0], (unsigned)parts[1], data,
			    value_len))
		return -ENOENT;
	*type = SETTING_HEX;
	if (len)
		memcpy(buf, data, value_len < len ? value_len : len);
	return (int)value_len;
}

SETTINGS_SCOPE(pci_scope) = { .name = "pci", .fetch = pci_fetch };
