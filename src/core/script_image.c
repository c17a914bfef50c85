/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Scripts as images: what "chain boot.ipxe" and EMBED= files run. */

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <wireboot/command.h>
#include <wireboot/image.h>

PROVIDE_OBJECT(script_image);

/* "#!ipxe" (or the older "#!gpxe") followed by a line end or space. */
static int script_probe(struct image *image)
{
	static const char magic[] = "#!ipxe", old_magic[] = "#!gpxe";
	const char *text = image->data;
	size_t magic_len = sizeof(magic) - 1;

	if (image->len <= magic_len ||
	    (memcmp(text, magic, magic_len) != 0 &&
	     memcmp(text, old_magic, magic_len) != 0) ||
	    !isspace((unsigned char)text[magic_len]))
		return -ENOEXEC;
	return 0;
}

static int script_exec(struct image *image)
{
	return run_script_args(image->data, image->len, image->name,
			       image->cmdline);
}

IMAGE_TYPE(script_image_type) = {
	.name = "script",
	.probe = script_probe,
	.exec = script_exec,
};
