/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Configuration of the network boot program (src/usr/main.c requires this
 * object): the script language, its commands, the image types and device
 * settings, and through config_net.c the network stack. Thin driver
 * images never link it.
 */

#include <config/general.h>
#include <wireboot/tables.h>

PROVIDE_OBJECT(config_app);

REQUIRE_OBJECT(script_image);
REQUIRE_OBJECT(script_cmd);
REQUIRE_OBJECT(settings_cmd);
REQUIRE_OBJECT(image_cmd);
REQUIRE_OBJECT(digest_cmd);
REQUIRE_OBJECT(autoboot_cmd);
REQUIRE_OBJECT(shell_cmd);
REQUIRE_OBJECT(menu_cmd);
REQUIRE_OBJECT(input_cmd);
REQUIRE_OBJECT(console_cmd);
REQUIRE_OBJECT(config_cmd);
REQUIRE_OBJECT(netdev_settings);
REQUIRE_OBJECT(config_net);
#ifdef DOWNLOAD_PROTO_HTTP
/* Form parameters exist to be posted. */
REQUIRE_OBJECT(params_cmd);
#endif
