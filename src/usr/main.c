/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The application's main flow, independent of the platform it runs on: the
 * platform's entry point sets up console, heap and timer, then calls this.
 * It is policy, so it lives with the user level.
 *
 * Start-up order: the first EMBED= file that is a script, else
 * autoexec.ipxe beside the program, else network boot (autoboot).
 *
 * Ctrl-B opens the shell instead, at any time during start-up: the key
 * is read once the devices are up and during every wait (DHCP, downloads),
 * where it cancels what runs as Ctrl-C would. Nothing waits for it, so a
 * boot takes no longer for offering it. A failed autoboot opens the shell
 * too, where a program the firmware started is the last resort (its
 * "exit" returns to the firmware); started by the firmware's boot manager
 * as a network boot option, the failure goes back to it instead, so that
 * it can try the next option.
 */

#include <stdio.h>
#include <string.h>
#include <usr/autoboot.h>
#include <usr/imgmgmt.h>
#include <usr/jobwait.h>
#include <usr/shell.h>
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
		if (image_write(image, 0, embedded->data, embedded->len) != 0) {
			image_put(image);
			continue;
		}
		/* Part of the firmware: as trusted as the firmware. */
		image->trusted = true;
		if (register_image(image) == 0 && !script &&
		    image_probe(image) == 0 &&
		    strcmp(image->type->name, "script") == 0)
			script = image;
		image_put(image);
	}
	return script;
}

bool wireboot_boot_option;

static int start(void)
{
	struct image *script = register_embedded_images();
	bool failed_autoboot = false;
	int rc = 0;

	shell_key_poll();
	if (!shell_key_pressed()) {
		if (script || load_autoexec(&script) == 0)
			rc = image_run(script);
		else
			failed_autoboot = (rc = autoboot()) != 0;
		shell_key_poll();
	}
	if (shell_key_pressed() || (failed_autoboot && !wireboot_boot_option)) {
		int status;

		shell_key_arm(false);
		status = shell();
		/* A plain "exit" after a failure still says it failed, so
		 * that the firmware tries its next boot option. */
		return status ? status : rc;
	}
	return rc;
}

int wireboot_main(void)
{
	struct image *image, *tmp;
	int rc;

	print_banner();
	printf("Press Ctrl-B for the wireboot shell...\n");
	shell_key_arm(true);
	probe_devices();
	rc = start();
	shell_key_arm(false);
	remove_devices();
	/* Whatever the program downloaded goes back to the firmware. */
	list_for_each_entry_safe(image, tmp, &images, list)
		unregister_image(image);
	return rc;
}
