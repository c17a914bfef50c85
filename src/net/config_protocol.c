/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The table of configuration protocols (see net/config_protocol.h). */

#include <string.h>
#include <net/config_protocol.h>

TABLE_DEFINE(const struct config_protocol, config_protocols);

const struct config_protocol *find_config_protocol(const char *name)
{
	const struct config_protocol *protocol;

	for_each_table_entry(protocol, config_protocols) {
		if (strcmp(protocol->name, name) == 0)
			return protocol;
	}
	return NULL;
}
