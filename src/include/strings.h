/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef STRINGS_H
#define STRINGS_H

#include <string.h>

#endif
