/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What scripts see of the platform: ${platform} is "efi". */

#include <errno.h>
#include <string.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(efi_settings);

static int fetch_platform(struct settings *block, void *buf, size_t len)
{
	static const char platform[] = "efi";

	if (block != &global_settings)
		return -ENOENT;
	if (len)
		memcpy(buf, platform,
		       len < sizeof(platform) - 1 ? len : sizeof(platform) - 1);
	return sizeof(platform) - 1;
}

BUILTIN_SETTING(efi_platform_setting) = {
	.name = "platform", .type = SETTING_STRING, .fetch = fetch_platform,
};
