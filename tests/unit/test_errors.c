// FIRMWARE_SOURCES: src/core/errors.c src/core/vsprintf.c src/core/string.c
/* Error messages: known numbers of either sign, and unknown ones. */

#include "unit.h"
#include "firmware.h"

const char *wb_error_name(int rc);

int main(void)
{
	CHECK_STR(wb_strerror(0), "No error");
	CHECK_STR(wb_strerror(-12), "Out of memory");	/* ENOMEM */
	CHECK_STR(wb_strerror(12), "Out of memory");
	CHECK_STR(wb_strerror(-110), "Connection timed out");	/* ETIMEDOUT */
	CHECK_STR(wb_strerror(-4242), "Error 4242");
	CHECK_STR(wb_strerror(-2147483647), "Error 2147483647");
	CHECK_STR(wb_error_name(-2), "ENOENT");
	CHECK_STR(wb_error_name(110), "ETIMEDOUT");
	CHECK_STR(wb_error_name(-4242), "?");
	return unit_finish();
}
