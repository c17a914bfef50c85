/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef WIREBOOT_MAIN_H
#define WIREBOOT_MAIN_H

#include <stdbool.h>

/*
 * The program an image runs once the platform is initialised. The core
 * provides the network boot program; test images provide their own, and the
 * linker takes whichever object defines it.
 */
int wireboot_main(void);

/* Set by a platform that runs the program as one boot option among
 * others (the firmware's boot manager goes on to the next when it
 * fails): a failed network boot then returns instead of opening the
 * shell. */
extern bool wireboot_boot_option;

#endif
