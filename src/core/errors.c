/* Readable messages for error numbers (see errno.h). */

#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <wireboot/compiler.h>

struct error_message {
	int number;
	const char *message;
};

static const struct error_message error_messages[] = {
	{ EPERM, "Operation not permitted" },
	{ ENOENT, "No such file or directory" },
	{ EIO, "Input/output error" },
	{ ENXIO, "No such device or address" },
	{ E2BIG, "Argument list too long" },
	{ ENOEXEC, "Not an executable image" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ ENOMEM, "Out of memory" },
	{ EACCES, "Permission denied" },
	{ EFAULT, "Bad address" },
	{ EBUSY, "Device or resource busy" },
	{ EEXIST, "Already exists" },
	{ ENODEV, "No such device" },
	{ EINVAL, "Invalid argument" },
	{ ENOSPC, "No space left" },
	{ EPIPE, "Broken pipe" },
	{ ERANGE, "Result out of range" },
	{ ENOTSUP, "Operation not supported" },
	{ EADDRINUSE, "Address already in use" },
	{ ENETDOWN, "Network is down" },
	{ ENETUNREACH, "Network unreachable" },
	{ ECONNABORTED, "Connection aborted" },
	{ ECONNRESET, "Connection reset" },
	{ ENOBUFS, "No buffer space available" },
	{ ENOTCONN, "Not connected" },
	{ ETIMEDOUT, "Connection timed out" },
	{ ECONNREFUSED, "Connection refused" },
	{ EHOSTUNREACH, "No route to host" },
	{ EALREADY, "Operation already in progress" },
	{ EINPROGRESS, "Operation in progress" },
	{ ECANCELED, "Operation cancelled" },
	{ EPROTO, "Protocol error" },
	{ EBADMSG, "Malformed message" },
	{ EMSGSIZE, "Message too long" },
};

/* Accepts either sign, since callers pass the negative return codes. */
char *strerror(int rc)
{
	static char unknown[32];
	int number = rc < 0 ? -rc : rc;
	size_t i;

	if (number == 0)
		return (char *)"No error";
	for (i = 0; i < ARRAY_SIZE(error_messages); i++) {
		if (error_messages[i].number == number)
			return (char *)error_messages[i].message;
	}
	snprintf(unknown, sizeof(unknown), "Error %d", number);
	return unknown;
}
