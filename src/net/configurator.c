/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The table of device configurators (see net/configurator.h). */

#include <string.h>
#include <net/configurator.h>

TABLE_DEFINE(const struct net_configurator, net_configurators);

const struct net_configurator *find_configurator(const char *name)
{
	const struct net_configurator *configurator;

	for_each_table_entry(configurator, net_configurators) {
		if (strcmp(configurator->name, name) == 0)
			return configurator;
	}
	return NULL;
}
