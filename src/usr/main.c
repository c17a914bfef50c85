/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The application's main flow, independent of the platform it runs on: the
 * platform's entry point sets up console, heap and timer, then calls this.
 * It is policy, so it lives with the user level.
 *
 * Start-up order: the first EMBED= file that is a script, else
 * autoexec.ipxe beside the program, else network boot (autoboot).
 */

#include <string.h>
#include <usr/autoboot.h>
#include <usr/imgmgmt.h>
#include <wireboot/autoexec.h>
#include <wireboot/build.h>
#include <wireboot/device.h>
#include <wireboot/embedded.h>
#include <wireboot/image.h>
#include <wireboot/main.h>

/* What the program offers that nothing calls by name (image types,
 * commands, protocols) is pulled in by the configuration objects. */
REQUIRE_OBJECT(config_app);

/* Registers every embedded file as an image by its name; returns the
 * first script among them (NULL if none). */
static struct image *register_embedded_images(void)
{
	const struct embedded_image *embedded;
	struct image *script = NULL;

	for_each_table_entry(embedded, embedded_images) {
		struct image *image = alloc_image(embedded->name);

		if (!image)
			break;
		if (image_write(image, 0, embedded->data, embedded->len) == 0 &&
		    register_image(image) == 0 && !script &&
		    image_probe(image) == 0 &&
		    strcmp(image->type->name, "script") == 0)
			script = image;
		image_put(image);
	}
	return script;
}

static int start(void)
{
	struct image *script = register_embedded_images();

	if (script || load_autoexec(&script) == 0)
		return image_run(script);
	return autoboot();
}

int wireboot_main(void)
{
	struct image *image, *tmp;
	int rc;

	print_banner();
	probe_devices();
	rc = start();
	remove_devices();
	/* Whatever the program downloaded goes back to the firmware. */
	list_for_each_entry_safe(image, tmp, &images, list)
		unregister_image(image);
	return rc;
}
