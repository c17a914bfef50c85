// FIRMWARE_SOURCES: src/core/errors.c src/core/vsprintf.c src/core/string.c
/* Error messages: known numbers of either sign, unknown ones, and failure
 * sites (a file and a place above the base number, see errno.h): the
 * message names the kind of error, error_site() also where. */

#include "unit.h"
#include "firmware.h"

const char *wb_error_name(int rc);
const char *wb_error_site(int rc, char *buf, size_t len);

/* The layout of errno.h's EUNIQ(), which host code cannot include beside
 * the C library's errno.h: base, site << 8, file << 13. */
#define SITE(base, file, site) ((base) | ((site) << 8) | ((file) << 13))
#define FILE_TFTP 1	/* the second entry of ERRFILES */

int main(void)
{
	char buf[64];

	CHECK_STR(wb_strerror(0), "No error");
	CHECK_STR(wb_strerror(-12), "Out of memory");	/* ENOMEM */
	CHECK_STR(wb_strerror(12), "Out of memory");
	CHECK_STR(wb_strerror(-110), "Connection timed out");	/* ETIMEDOUT */
	CHECK_STR(wb_error_name(-2), "ENOENT");
	CHECK_STR(wb_error_name(110), "ETIMEDOUT");

	/* A failure site keeps the message of its base number. */
	CHECK_STR(wb_strerror(-SITE(110, FILE_TFTP, 2)), "Connection timed out");
	CHECK_STR(wb_error_name(-SITE(110, FILE_TFTP, 2)), "ETIMEDOUT");
	CHECK_STR(wb_error_site(-SITE(110, FILE_TFTP, 2), buf, sizeof(buf)),
		  "ETIMEDOUT at tftp.2");
	CHECK_STR(wb_error_site(SITE(2, FILE_TFTP, 31), buf, sizeof(buf)),
		  "ENOENT at tftp.31");
	CHECK_STR(wb_error_site(-110, buf, sizeof(buf)), "ETIMEDOUT");

	/* Unknown bases: the number, and "?" for a name. 4242 is base 146
	 * at site 16 of no file; the largest code names no known file. */
	CHECK_STR(wb_strerror(-4242), "Error 146");
	CHECK_STR(wb_error_name(-4242), "?");
	CHECK_STR(wb_error_site(-4242, buf, sizeof(buf)), "? at none.16");
	CHECK_STR(wb_strerror(-2147483647), "Error 255");
	CHECK_STR(wb_error_site(-2147483647, buf, sizeof(buf)), "? at 0x7fffffff");
	return unit_finish();
}
