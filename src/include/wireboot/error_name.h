#ifndef WIREBOOT_ERROR_NAME_H
#define WIREBOOT_ERROR_NAME_H

/* The symbolic name of an error number ("ENOENT"), for messages a person
 * may search for: "No such file or directory (ENOENT)". Either sign; "?"
 * for numbers errno.h does not define. */
const char *error_name(int rc);

/*
 * A sentence explaining the latest failure better than its number can (the
 * TFTP server's own error message, say). A protocol leaves it; whoever
 * reports the failure to the person takes it, which also clears it.
 * take_error_detail() returns "" when there is none.
 */
void set_error_detail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *take_error_detail(void);

#endif
