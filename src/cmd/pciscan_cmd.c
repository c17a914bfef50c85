/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "pciscan <setting>": stores the address of the next PCI function after
 * the one the setting holds (the first when it is empty) and succeeds, or
 * fails silently when there is none, so that a script walks the bus:
 *
 *     :scan pciscan addr || goto done
 *     echo ${addr:busdevfn} ${pci/${addr}.0.2}
 *     goto scan
 *     :done
 *
 * The setting is a uint16 as in the established language (a uint32
 * beyond PCI segment 0).
 */

#include <errno.h>
#include <string.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/parseopt.h>
#include <wireboot/pci_config.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(pciscan_cmd);

static const struct command_descriptor pciscan_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(1, 1, "<setting>");

static int pciscan_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &pciscan_cmd, NULL);
	char name[96], text[24];
	unsigned int previous;
	uint32_t busdevfn = 0;
	int rc;

	if (first <= 0)
		return first;
	/* The name with a type (which it must not have yet) fits in name. */
	if (strlen(argv[first]) + sizeof(":uint32") > sizeof(name) ||
	    strchr(argv[first], ':')) {
		printf("%s: invalid setting name '%s'\n", argv[0], argv[first]);
		return -EINVAL;
	}
	snprintf(name, sizeof(name), "%s:uint", argv[first]);
	if (fetchf_setting(name, text, sizeof(text)) > 0) {
		if (parse_integer(text, &previous)) {
			printf("%s: %s is not a PCI address\n", argv[0],
			       argv[first]);
			return -EINVAL;
		}
		if (previous == UINT32_MAX)
			return -ENODEV;
		busdevfn = previous + 1;
	}
	rc = pci_config_find(&busdevfn);
	if (rc)
		return rc;
	snprintf(name, sizeof(name), "%s:%s", argv[first],
		 busdevfn > 0xffff ? "uint32" : "uint16");
	snprintf(text, sizeof(text), "%u", (unsigned)busdevfn);
	rc = storef_setting(name, text);
	if (rc)
		printf("Could not set %s: %s (%s)\n", argv[first],
		       strerror(rc), error_name(rc));
	return rc;
}

COMMAND(pciscan_command) = { .name = "pciscan", .exec = pciscan_exec };
