/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * RDRAND on i386: the x86-64 source serves both (its word is a register's
 * width), so it is compiled here as it is rather than copied.
 */

#include "../x86_64/rdrand.c"
