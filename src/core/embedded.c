/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The table of files linked in with EMBED= (entries made by util/mkembed). */

#include <wireboot/embedded.h>
#include <wireboot/features.h>

TABLE_DEFINE(const struct embedded_image, embedded_images);
