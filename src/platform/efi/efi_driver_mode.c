/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Thin or full driver images: the link-time choice of EFI_DOWNGRADE_UX
 * (src/config/general.h) for driver mode.
 *
 * Thin (EFI_DOWNGRADE_UX): the NIC driver and its SNP only; the
 * firmware's own network stack boots over it. Full (the default): the
 * image also links efi_loadfile, a child extension that installs
 * EFI_LOAD_FILE_PROTOCOL and with it our whole stack, so the boot
 * manager's network entry boots through us. (EFI_PXE_BASE_CODE_PROTOCOL
 * is not offered in either mode.)
 *
 * src/core/config.c makes the choices of every image; this one belongs
 * to driver images only (an application must not pull driver mode in),
 * so it lives in this object, which only driver images require.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(efi_driver_mode);

#ifndef EFI_DOWNGRADE_UX
REQUIRE_OBJECT(efi_loadfile);
#endif
