/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_MAIN_H
#define WIREBOOT_MAIN_H

/*
 * The program an image runs once the platform is initialised. The core
 * provides the network boot program; test images provide their own, and the
 * linker takes whichever object defines it.
 */
int wireboot_main(void);

#endif
