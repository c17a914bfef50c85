/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Readable messages and symbolic names for error numbers (see errno.h). */

#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <wireboot/compiler.h>
#include <wireboot/errfile.h>
#include <wireboot/error_name.h>

struct error_message {
	int number;
	const char *name;
	const char *message;
};

#define ERROR_MESSAGE(number, message) { number, #number, message }

static const struct error_message error_messages[] = {
	ERROR_MESSAGE(EPERM, "Operation not permitted"),
	ERROR_MESSAGE(ENOENT, "No such file or directory"),
	ERROR_MESSAGE(EIO, "Input/output error"),
	ERROR_MESSAGE(ENXIO, "No such device or address"),
	ERROR_MESSAGE(E2BIG, "Argument list too long"),
	ERROR_MESSAGE(ENOEXEC, "Not an executable image"),
	ERROR_MESSAGE(EAGAIN, "Resource temporarily unavailable"),
	ERROR_MESSAGE(ENOMEM, "Out of memory"),
	ERROR_MESSAGE(EACCES, "Permission denied"),
	ERROR_MESSAGE(EFAULT, "Bad address"),
	ERROR_MESSAGE(EBUSY, "Device or resource busy"),
	ERROR_MESSAGE(EEXIST, "Already exists"),
	ERROR_MESSAGE(ENODEV, "No such device"),
	ERROR_MESSAGE(EINVAL, "Invalid argument"),
	ERROR_MESSAGE(EFBIG, "File too large"),
	ERROR_MESSAGE(ENOSPC, "No space left"),
	ERROR_MESSAGE(EPIPE, "Broken pipe"),
	ERROR_MESSAGE(ERANGE, "Result out of range"),
	ERROR_MESSAGE(ENOTSUP, "Operation not supported"),
	ERROR_MESSAGE(EADDRINUSE, "Address already in use"),
	ERROR_MESSAGE(ENETDOWN, "Network is down"),
	ERROR_MESSAGE(ENETUNREACH, "Network unreachable"),
	ERROR_MESSAGE(ECONNABORTED, "Connection aborted"),
	ERROR_MESSAGE(ECONNRESET, "Connection reset"),
	ERROR_MESSAGE(ENOBUFS, "No buffer space available"),
	ERROR_MESSAGE(ENOTCONN, "Not connected"),
	ERROR_MESSAGE(ETIMEDOUT, "Connection timed out"),
	ERROR_MESSAGE(ECONNREFUSED, "Connection refused"),
	ERROR_MESSAGE(EHOSTUNREACH, "No route to host"),
	ERROR_MESSAGE(EALREADY, "Operation already in progress"),
	ERROR_MESSAGE(EINPROGRESS, "Operation in progress"),
	ERROR_MESSAGE(ECANCELED, "Operation cancelled"),
	ERROR_MESSAGE(EPROTO, "Protocol error"),
	ERROR_MESSAGE(EBADMSG, "Malformed message"),
	ERROR_MESSAGE(EMSGSIZE, "Message too long"),
	ERROR_MESSAGE(EPROTONOSUPPORT, "Protocol not supported"),
	ERROR_MESSAGE(EAFNOSUPPORT, "Address family not supported"),
	ERROR_MESSAGE(ELOOP, "Too many redirects"),
};

#define ERRFILE_NAME(name) #name,
static const char *const errfile_names[] = { ERRFILES(ERRFILE_NAME) };

/* Both accept either sign, since callers pass negative return codes. */
static const struct error_message *find_error(int rc)
{
	int number = rc < 0 ? -errno_base(rc) : errno_base(rc);
	size_t i;

	for (i = 0; i < ARRAY_SIZE(error_messages); i++) {
		if (error_messages[i].number == number)
			return &error_messages[i];
	}
	return NULL;
}

char *strerror(int rc)
{
	static char unknown[32];
	const struct error_message *error = find_error(rc);

	if (rc == 0)
		return (char *)"No error";
	if (error)
		return (char *)error->message;
	snprintf(unknown, sizeof(unknown), "Error %d",
		 rc < 0 ? -errno_base(rc) : errno_base(rc));
	return unknown;
}

const char *error_name(int rc)
{
	const struct error_message *error = find_error(rc);

	return error ? error->name : "?";
}

const char *error_site(int rc, char *buf, size_t len)
{
	unsigned code = (unsigned)(rc < 0 ? -rc : rc);
	unsigned file = code >> ERRNO_FILE_SHIFT;
	unsigned site = (code >> ERRNO_SITE_SHIFT) &
			((1u << (ERRNO_FILE_SHIFT - ERRNO_SITE_SHIFT)) - 1);

	if (!site && !file)
		snprintf(buf, len, "%s", error_name(rc));
	else if (file < ARRAY_SIZE(errfile_names))
		snprintf(buf, len, "%s at %s.%u", error_name(rc),
			 errfile_names[file], site);
	else
		snprintf(buf, len, "%s at %#x", error_name(rc), code);
	return buf;
}
