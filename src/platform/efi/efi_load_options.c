/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The image's load options (its command line), as UTF-8. */

#include <stdlib.h>
#include <wireboot/efi.h>
#include <wireboot/utf.h>

char *efi_load_options(void)
{
	const uint16_t *options = NULL;
	size_t units = 0, len;
	char *text;

	/* The size is in bytes and set by whoever started us: trust it only as
	 * an upper bound, and stop at the first NUL within it. */
	if (efi_loaded_image && efi_loaded_image->LoadOptions) {
		options = efi_loaded_image->LoadOptions;
		units = efi_loaded_image->LoadOptionsSize / sizeof(uint16_t);
	}
	len = utf16_to_utf8(NULL, 0, options, units);
	text = malloc(len + 1);
	if (text)
		utf16_to_utf8(text, len + 1, options, units);
	return text;
}
