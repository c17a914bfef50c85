#ifndef WIREBOOT_AUTOBOOT_H
#define WIREBOOT_AUTOBOOT_H

/*
 * Network boot without a script: on each network device in turn, DHCP,
 * then the boot file the server named (on next-server by TFTP unless the
 * name is a URI), until one boots. Returns the last status; prints why
 * nothing booted.
 */
int autoboot(void);

#endif
