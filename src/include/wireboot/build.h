/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_BUILD_H
#define WIREBOOT_BUILD_H

/* Identity of the running image and the start-up banner. */

void print_banner(void);

#endif
