/* Network configuration and boot: dhcp, autoboot (see autoboot.h). */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/dhcp.h>
#include <wireboot/autoboot.h>
#include <wireboot/command.h>
#include <wireboot/error_name.h>
#include <wireboot/image.h>
#include <wireboot/netdev.h>
#include <wireboot/parseopt.h>
#include <wireboot/settings.h>

PROVIDE_OBJECT(autoboot_cmd);

/* A value of netdev's block (or its DHCP block) as text; "" if none. */
static void netdev_setting_text(struct net_device *netdev, const char *name,
				char *buf, size_t len)
{
	char full_name[48];

	snprintf(full_name, sizeof(full_name), "%s/%s", netdev->name, name);
	if (fetchf_setting(full_name, buf, len) < 0 && len)
		buf[0] = '\0';
}

static int boot_from(struct net_device *netdev)
{
	char filename[256], next_server[16], text[300];
	struct image *image;
	struct uri *uri;
	int rc;

	netdev_setting_text(netdev, "filename", filename, sizeof(filename));
	netdev_setting_text(netdev, "next-server", next_server,
			    sizeof(next_server));
	if (!filename[0]) {
		printf("%s: the DHCP server named no boot file\n", netdev->name);
		return -ENOENT;
	}
	uri = pxe_uri(next_server[0] ? next_server : NULL, filename);
	if (!uri)
		return -ENOMEM;
	format_uri(uri, text, sizeof(text));
	uri_put(uri);
	rc = image_fetch(text, NULL, &image);
	if (rc)
		return rc;
	image_get(image);
	rc = image_exec(image);
	unregister_image(image);
	image_put(image);
	return rc;
}

int autoboot(void)
{
	struct net_device *netdev;
	int rc = -ENODEV;

	if (list_empty(&net_devices)) {
		printf("No network devices: nothing to boot from\n");
		return -ENODEV;
	}
	for_each_netdev(netdev) {
		rc = dhcp_configure(netdev);
		if (rc == -ECANCELED)
			return rc;
		if (rc == 0)
			rc = boot_from(netdev);
		if (rc == 0 || rc == -ECANCELED)
			return rc;
	}
	printf("Nothing booted: %s (%s)\n", strerror(rc), error_name(rc));
	return rc;
}

static const struct command_descriptor autoboot_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, 0, "");

static int autoboot_exec(int argc, char **argv)
{
	int first = parse_options(argc, argv, &autoboot_cmd, NULL);

	if (first <= 0)
		return first;
	return autoboot();
}

static int dhcp_on(const char *name)
{
	struct net_device *netdev = find_netdev(name);

	if (!netdev) {
		printf("%s: no such network device\n", name);
		return -ENODEV;
	}
	return dhcp_configure(netdev);
}

static const struct command_descriptor dhcp_cmd =
	COMMAND_DESCRIPTOR_NO_OPTIONS(0, PARSEOPT_MANY, "[netX...]");

/* Without names: the first device that gets an address. */
static int dhcp_exec(int argc, char **argv)
{
	struct net_device *netdev;
	int first = parse_options(argc, argv, &dhcp_cmd, NULL);
	int i, rc = -ENODEV;

	if (first <= 0)
		return first;
	if (argc > first) {
		for (i = first; i < argc; i++) {
			rc = dhcp_on(argv[i]);
			if (rc)
				return rc;
		}
		return 0;
	}
	for_each_netdev(netdev) {
		rc = dhcp_configure(netdev);
		if (rc == 0 || rc == -ECANCELED)
			return rc;
	}
	if (rc == -ENODEV)
		printf("dhcp: no network devices\n");
	return rc;
}

COMMAND(autoboot_command) = { .name = "autoboot", .exec = autoboot_exec };
COMMAND(dhcp_command) = { .name = "dhcp", .exec = dhcp_exec };
