#ifndef WIREBOOT_ERROR_NAME_H
#define WIREBOOT_ERROR_NAME_H

/* The symbolic name of an error number ("ENOENT"), for messages a person
 * may search for: "No such file or directory (ENOENT)". Either sign; "?"
 * for numbers errno.h does not define. */
const char *error_name(int rc);

#endif
