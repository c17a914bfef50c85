/* Network configuration and boot: dhcp, autoboot (see usr/autoboot.h,
 * usr/ifmgmt.h). The commands parse their arguments; the user level does
 * the rest. */

#include <errno.h>
#include <stdio.h>
#include <usr/autoboot.h>
#include <usr/ifmgmt.h>
#include <wireboot/command.h>
#include <wireboot/netdev.h>

PROVIDE_OBJECT(autoboot_cmd);

static int autoboot_exec(int argc, char **argv)
{
	if (argc != 1)
		return command_usage(argv[0], "");
	return autoboot();
}

/* "dhcp [netX...]": the named devices each in turn (a script that names
 * them wants them all); without names, every device at once, done when
 * the first one is bound. */
static int dhcp_exec(int argc, char **argv)
{
	struct net_device *netdev;
	int i, rc;

	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			netdev = find_netdev(argv[i]);
			if (!netdev) {
				printf("%s: no such network device\n", argv[i]);
				return -ENODEV;
			}
			rc = ifconf_dhcp(&netdev, 1, NULL, NULL);
			if (rc)
				return rc;
		}
		return 0;
	}
	if (list_empty(&net_devices)) {
		printf("dhcp: no network devices\n");
		return -ENODEV;
	}
	return ifconf_dhcp_all(NULL, NULL);
}

COMMAND(autoboot_command) = { .name = "autoboot", .exec = autoboot_exec };
COMMAND(dhcp_command) = { .name = "dhcp", .exec = dhcp_exec };
