/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Included ahead of every firmware source (-include). The image is one
 * position-independent executable with no dynamic linking: marking every
 * declaration hidden lets the compiler reach all globals PC-relatively instead
 * of through a global offset table that a PE image could not have.
 */
#pragma GCC visibility push(hidden)
