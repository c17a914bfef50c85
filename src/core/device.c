/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bringing up and tearing down every device prober (see device.h). */

#include <stdio.h>
#include <wireboot/device.h>
#include <wireboot/error_name.h>
#include <string.h>

TABLE_DEFINE(const struct device_prober, device_probers);

void probe_devices(void)
{
	const struct device_prober *prober;

	for_each_table_entry(prober, device_probers) {
		int rc = prober->probe();

		/* One mechanism failing leaves the others' devices usable. */
		if (rc)
			printf("%s: could not probe devices: %s (%s)\n",
			       prober->name, strerror(rc), error_name(rc));
	}
}

/* In reverse, so that what was built on earlier devices goes first. */
void remove_devices(void)
{
	const struct device_prober *prober = TABLE_END(device_probers);

	while (prober-- > TABLE_START(device_probers)) {
		if (prober->remove)
			prober->remove();
	}
}
