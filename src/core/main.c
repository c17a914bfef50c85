/*
 * The application's main flow, independent of the platform it runs on: the
 * platform's entry point sets up console, heap and timer, then calls this.
 *
 * Start-up order: the first EMBED= file that is a script, else
 * autoexec.ipxe beside the program, else network boot (autoboot).
 */

#include <string.h>
#include <wireboot/autoboot.h>
#include <wireboot/autoexec.h>
#include <wireboot/build.h>
#include <wireboot/device.h>
#include <wireboot/embedded.h>
#include <wireboot/image.h>
#include <wireboot/main.h>

/* What the program offers that nothing calls by name: image types,
 * commands and device settings plug into link-time tables. */
REQUIRE_OBJECT(script_image);
REQUIRE_OBJECT(script_cmd);
REQUIRE_OBJECT(settings_cmd);
REQUIRE_OBJECT(image_cmd);
REQUIRE_OBJECT(digest_cmd);
REQUIRE_OBJECT(netdev_settings);
/* The download protocols the configuration enables. */
REQUIRE_OBJECT(config_net);

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
		return image_exec(script);
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
