/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/pxe_options.c src/net/dhcp_packet.c src/core/string.c
/* PXE vendor sub-options (option 43) on arbitrary bytes: a value that
 * parses must yield lists the lookups walk within their bounds, for
 * every type the lists name and for some they do not. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define pxe_options_parse wb_pxe_options_parse
#define pxe_boot_servers wb_pxe_boot_servers
#define pxe_server_listed wb_pxe_server_listed
#define pxe_menu_item wb_pxe_menu_item
#include <net/pxe_options.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pxe_options pxe;
	struct pxe_menu_item item;
	struct in_addr addrs[4], any = { .s_addr = 0x01020304 };
	volatile size_t text = 0;
	uint8_t *copy;
	unsigned i;

	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	if (wb_pxe_options_parse(copy, size, &pxe) == 0) {
		for (i = 0; wb_pxe_menu_item(&pxe, i, &item) == 0; i++) {
			/* Read every byte of the text: ASan checks it. */
			for (size_t j = 0; j < item.text_len; j++)
				text += (uint8_t)item.text[j];
			wb_pxe_boot_servers(&pxe, item.type, addrs, 4);
			wb_pxe_server_listed(&pxe, item.type, any);
		}
		for (i = 0; i < pxe.prompt_len; i++)
			text += (uint8_t)pxe.prompt[i];
		if (pxe.has_item)
			wb_pxe_boot_servers(&pxe, pxe.item_type, addrs, 4);
		wb_pxe_boot_servers(&pxe, 0, addrs, 1);
	}
	free(copy);
	return 0;
}
