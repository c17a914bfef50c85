/* SPDX-License-Identifier: GPL-2.0-or-later */
// FIRMWARE_SOURCES: src/net/tftp_packet.c src/core/string.c src/core/vsprintf.c
/* TFTP OACK and ERROR bodies from arbitrary bytes: the first byte picks
 * which options count as requested. */

#include <stddef.h>
#include <stdint.h>

#define tftp_parse_oack wb_tftp_parse_oack
#define tftp_parse_error wb_tftp_parse_error
#define tftp_build_rrq wb_tftp_build_rrq
#define tftp_error_rc wb_tftp_error_rc
#include <net/tftp.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tftp_options request = { 0 }, accepted;
	char message[64];
	unsigned code;

	if (size < 1)
		return 0;
	request.blksize = (data[0] & 1) ? 1432 : 0;
	request.windowsize = (data[0] & 2) ? 16 : 0;
	request.timeout = (data[0] & 4) ? 5 : 0;
	request.tsize = data[0] & 8;
	if (wb_tftp_parse_oack(data + 1, size - 1, &request, &accepted) == 0) {
		if (accepted.blksize < TFTP_MIN_BLKSIZE ||
		    accepted.blksize > (request.blksize ? request.blksize : 512) ||
		    accepted.windowsize < 1)
			__builtin_trap();
	}
	if (wb_tftp_parse_error(data + 1, size - 1, &code, message,
				sizeof(message)) == 0)
		wb_tftp_error_rc(code);
	return 0;
}
