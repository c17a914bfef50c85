/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

/*
 * Minimal host unit-test support. A test program calls CHECK()/CHECK_EQ_*()
 * and ends main() with "return unit_finish();". Each failed check prints a
 * line naming file, line and the expression; the summary line is
 * "unit: <file>: N checks, N failed" and the exit status is non-zero on any
 * failure, which is what the test runner reads.
 */

#include <stdio.h>
#include <string.h>

static unsigned unit_checks, unit_failures;

#define CHECK(expr) unit_check(!!(expr), #expr, __FILE__, __LINE__)
#define CHECK_STR(got, want) \
	unit_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want) \
	unit_check_int((long long)(got), (long long)(want), #got, __FILE__, __LINE__)
/* A firmware return code's plain error number (what errno_base() of our
 * errno.h gives, which the system's errno.h hides from tests). */
#define CHECK_ERR(got, want) \
	unit_check_int(unit_errno_base((long long)(got)), (long long)(want), \
		       #got, __FILE__, __LINE__)

static inline long long unit_errno_base(long long rc)
{
	return rc < 0 ? -(-rc & 0xff) : rc;
}

static inline int unit_check(int ok, const char *what, const char *file, int line)
{
	unit_checks++;
	if (!ok) {
		unit_failures++;
		printf("FAIL %s:%d: %s\n", file, line, what);
	}
	return ok;
}

static inline int unit_check_str(const char *got, const char *want,
				 const char *what, const char *file, int line)
{
	int ok = (got && want) ? strcmp(got, want) == 0 : got == want;
	unit_checks++;
	if (!ok) {
		unit_failures++;
		printf("FAIL %s:%d: %s is \"%s\", want \"%s\"\n", file, line,
		       what, got ? got : "(null)", want ? want : "(null)");
	}
	return ok;
}

static inline int unit_check_int(long long got, long long want,
				 const char *what, const char *file, int line)
{
	unit_checks++;
	if (got != want) {
		unit_failures++;
		printf("FAIL %s:%d: %s is %lld, want %lld\n", file, line, what,
		       got, want);
	}
	return got == want;
}

static inline int unit_finish_named(const char *file)
{
	printf("unit: %s: %u checks, %u failed\n", file, unit_checks,
	       unit_failures);
	return unit_failures ? 1 : 0;
}

#define unit_finish() unit_finish_named(__FILE__)

#endif
