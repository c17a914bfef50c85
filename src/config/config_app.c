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
REQUIRE_OBJECT(cpuid_cmd);
REQUIRE_OBJECT(cpuid_settings);
REQUIRE_OBJECT(config_net);
#ifdef NET_CMDS
REQUIRE_OBJECT(nslookup_cmd);
REQUIRE_OBJECT(ping_cmd);
REQUIRE_OBJECT(ifmgmt_cmd);
#ifdef NET_PROTO_IPV6
REQUIRE_OBJECT(route_ipv6);
#endif
#ifdef NET_PROTO_IPV4
REQUIRE_OBJECT(route_ipv4);
#endif
#endif
#ifdef NTP_CMD
REQUIRE_OBJECT(ntp_cmd);
REQUIRE_OBJECT(wallclock);
#endif
#ifdef VLAN_CMD
REQUIRE_OBJECT(vlan_cmd);
#endif
#ifdef TIME_CMD
REQUIRE_OBJECT(time_cmd);
#endif
#ifdef DOWNLOAD_PROTO_HTTP
/* Form parameters exist to be posted. */
REQUIRE_OBJECT(params_cmd);
#endif
