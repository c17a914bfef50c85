/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_AUTOEXEC_H
#define WIREBOOT_AUTOEXEC_H

/*
 * The script a user leaves beside the program: "autoexec.ipxe" in the
 * directory the program was loaded from (UEFI: on its boot volume). Loads
 * it as a registered image; -ENOENT if there is none.
 */

#include <wireboot/image.h>

#define AUTOEXEC_NAME "autoexec.ipxe"

int load_autoexec(struct image **image);

#endif
