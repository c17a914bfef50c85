/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration of what only the boot programs carry (UEFI applications
 * and the hosted program require this object from their entry points),
 * never a driver image: features too big for a PCI option ROM, whose size
 * is limited (ROM_MAX). Driver images get config_app.c alone.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(config_program);

#ifdef IMAGE_TRUST_CMD
REQUIRE_OBJECT(imgtrust_cmd);
#endif
