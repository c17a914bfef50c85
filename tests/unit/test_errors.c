/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/core/errors.c src/core/vsprintf.c src/core/string.c
/* Error messages: known numbers of either sign, unknown ones, and numbers
 * that carry a failure site (file and place) above the base number. */

#include "unit.h"
#include "firmware.h"

const char *wb_error_name(int rc);
const char *wb_error_site(int rc, char *buf, size_t len);

/* As errno.h builds them: base | site << 8 | file << 13. */
#define SITE(base, file, site) ((base) | (site) << 8 | (file) << 13)
#define ERRFILE_TFTP 1		/* the second entry of ERRFILES */

int main(void)
{
	char buf[48];

	CHECK_STR(wb_strerror(0), "No error");
	CHECK_STR(wb_strerror(-12), "Out of memory");	/* ENOMEM */
	CHECK_STR(wb_strerror(12), "Out of memory");
	CHECK_STR(wb_strerror(-110), "Connection timed out");	/* ETIMEDOUT */
	CHECK_STR(wb_strerror(-200), "Error 200");
	/* The message is the base number's; the site does not change it. */
	CHECK_STR(wb_strerror(-SITE(110, ERRFILE_TFTP, 2)), "Connection timed out");
	CHECK_STR(wb_strerror(-SITE(200, ERRFILE_TFTP, 3)), "Error 200");
	CHECK_STR(wb_strerror(-2147483647), "Error 255");
	CHECK_STR(wb_error_name(-2), "ENOENT");
	CHECK_STR(wb_error_name(110), "ETIMEDOUT");
	CHECK_STR(wb_error_name(-SITE(2, ERRFILE_TFTP, 1)), "ENOENT");
	CHECK_STR(wb_error_name(-200), "?");
	/* Where it failed. */
	CHECK_STR(wb_error_site(-2, buf, sizeof(buf)), "ENOENT");
	CHECK_STR(wb_error_site(-SITE(110, ERRFILE_TFTP, 2), buf, sizeof(buf)),
		  "ETIMEDOUT at tftp.2");
	CHECK_STR(wb_error_site(SITE(110, ERRFILE_TFTP, 31), buf, sizeof(buf)),
		  "ETIMEDOUT at tftp.31");
	/* A file number this build does not know is shown as the code. */
	CHECK_STR(wb_error_site(-SITE(110, 200, 0), buf, sizeof(buf)),
		  "ETIMEDOUT at 0x19006e");
	return unit_finish();
}
