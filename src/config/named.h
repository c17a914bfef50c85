/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef CONFIG_NAMED_H
#define CONFIG_NAMED_H

/*
 * Support for configuration layering. Each default header in src/config/
 * ends by including, when they exist, the same header from the named
 * configuration (CONFIG=name: src/config/name/) and from src/config/local/,
 * so those only need to #define/#undef what they change.
 */

#define CONFIG_NAMED_QUOTE(path) #path
#define CONFIG_NAMED_EXPAND(path) CONFIG_NAMED_QUOTE(path)
#define CONFIG_NAMED_PATH(file) CONFIG_NAMED_EXPAND(config/CONFIG_NAMED/file)

#endif
