/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The configuration object: turns the feature macros of src/config/ into
 * link-time choices and build-record entries. Every feature's code always
 * compiles; the macros only decide what this object pulls into the image.
 */

#include <config/general.h>
#include <wireboot/features.h>

#ifdef EFI_DOWNGRADE_UX
FEATURE("downgrade-ux");
#endif
