/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The wall clock from the firmware's real-time clock (GetTime). A clock
 * with a time zone is converted to UTC; one without (the usual case, and
 * OVMF's) is taken as UTC, which NTP corrects if it is not.
 */

#include <errno.h>
#include <wireboot/efi.h>
#include <wireboot/wallclock.h>

int platform_wallclock(int64_t *seconds)
{
	EFI_TIME time;
	EFI_STATUS status;
	int rc;

	status = efi_system_table->RuntimeServices->GetTime(&time, NULL);
	if (status != EFI_SUCCESS)
		return -EIO;
	rc = wallclock_from_civil(seconds, time.Year, time.Month, time.Day,
				  time.Hour, time.Minute, time.Second);
	if (rc)
		return rc;
	if (time.TimeZone != EFI_UNSPECIFIED_TIMEZONE &&
	    time.TimeZone >= -1440 && time.TimeZone <= 1440)
		*seconds += (int64_t)time.TimeZone * 60;
	return 0;
}
