/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hosted program: the core and the network stack as a Linux process
 * over TAP devices, for tests and for debugging the stack with ordinary
 * tools (ping, tcpdump, dnsmasq).
 *
 *   wireboot [(--tap NAME | --dgram LOCALPORT:REMOTEPORT)
 *             [--ip ADDR/PREFIX[,GATEWAY[,DNS]]]]... [--udp-echo PORT]
 *            [--clock-offset SECONDS] [--tls-ca-variable FILE]
 *            [--no-entropy] [--script FILE] [--serve]
 *   wireboot [--no-entropy] --random LEN
 *
 * --dgram makes a device of UDP datagrams on 127.0.0.1, one frame each
 * (linux_dgram.c), for a frame relay between us and a TAP.
 *
 * It runs the boot program, wireboot_main(), as the UEFI application does;
 * the --script file takes the place of autoexec.ipxe. With --serve it runs
 * only the stack instead, answering ARP, pings and the UDP echo until
 * SIGINT or SIGTERM. --random prints LEN bytes of random_bytes() and the
 * entropy source that seeded them, and exits. --no-entropy, for tests,
 * counts every entropy source as failed before anything runs: what needs
 * randomness (TLS, DNS ids) must then refuse, as on a machine with none.
 *
 * Messages go through the core's printf, which this program's own
 * definition provides in place of the C library's: the console driver
 * writes them with write(2), so nothing is buffered in stdio. Usage errors,
 * before the core runs, go to stderr with dprintf.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wireboot/console.h>
#include <wireboot/device.h>
#include <wireboot/entropy.h>
#include <wireboot/main.h>
#include <wireboot/process.h>
#include "linux.h"

struct linux_options linux_options;

static volatile sig_atomic_t stop_signal;

static void usage(const char *program)
{
	dprintf(STDERR_FILENO,
		"usage: %s [(--tap NAME | --dgram LOCALPORT:REMOTEPORT) "
		"[--ip ADDR/PREFIX[,GATEWAY[,DNS]]]]... "
		"[--udp-echo PORT] [--udp-resolve PORT] [--clock-offset SECONDS] "
		"[--tls-ca-variable FILE] [--no-entropy] "
		"[--script FILE | --fetch URI... | --serve | "
		"--tcp-fetch HOST:PORT TEXT [--tcp-save FILE]]\n"
		"       %s [--no-entropy] --random LEN\n", program, program);
	exit(2);
}

/* A port up to the character stop; 0 only if zero_ok. */
static uint16_t parse_port_to(const char *option, const char *value,
			      char stop, bool zero_ok, const char **rest)
{
	char *end;
	unsigned long port = strtoul(value, &end, 10);

	if (*end != stop || end == value || (port == 0 && !zero_ok) ||
	    port > 65535) {
		dprintf(STDERR_FILENO, "%s %s: bad port\n", option, value);
		exit(2);
	}
	if (rest)
		*rest = end + 1;
	return (uint16_t)port;
}

static uint16_t parse_port(const char *option, const char *value)
{
	return parse_port_to(option, value, '\0', false, NULL);
}

static struct linux_tap_option *add_netdev(const char *name)
{
	struct linux_options *options = &linux_options;

	if (options->tap_count >= LINUX_MAX_TAPS) {
		dprintf(STDERR_FILENO, "at most %d --tap and --dgram\n",
			LINUX_MAX_TAPS);
		exit(2);
	}
	options->taps[options->tap_count].name = name;
	return &options->taps[options->tap_count++];
}

static void parse_options(int argc, char **argv)
{
	struct linux_options *options = &linux_options;
	int i;

	for (i = 1; i < argc; i++) {
		const char *option = argv[i];
		const char *value = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(option, "--no-entropy") == 0) {
			options->no_entropy = true;
			continue;
		}
		if (strcmp(option, "--serve") == 0) {
			options->serve = true;
			continue;
		}
		if (!value)
			usage(argv[0]);
		i++;
		if (strcmp(option, "--tap") == 0) {
			add_netdev(value);
		} else if (strcmp(option, "--dgram") == 0) {
			struct linux_tap_option *dgram = add_netdev(value);
			const char *remote;

			dgram->dgram = true;
			dgram->local_port = parse_port_to(option, value, ':',
							  true, &remote);
			dgram->remote_port = parse_port(option, remote);
		} else if (strcmp(option, "--ip") == 0) {
			if (options->tap_count == 0 ||
			    linux_parse_ip(value, &options->taps[options->tap_count - 1].ip)) {
				dprintf(STDERR_FILENO, "--ip %s: want ADDR/PREFIX"
					"[,GATEWAY[,DNS]] after a --tap or --dgram\n", value);
				exit(2);
			}
		} else if (strcmp(option, "--udp-echo") == 0) {
			options->udp_echo_port = parse_port(option, value);
		} else if (strcmp(option, "--udp-resolve") == 0) {
			options->udp_resolve_port = parse_port(option, value);
		} else if (strcmp(option, "--clock-offset") == 0) {
			char *end;

			options->clock_offset = strtol(value, &end, 10);
			if (*end || !*value)
				usage(argv[0]);
		} else if (strcmp(option, "--fetch") == 0) {
			if (options->fetch_count >= LINUX_MAX_FETCHES) {
				dprintf(STDERR_FILENO, "at most %d --fetch\n",
					LINUX_MAX_FETCHES);
				exit(2);
			}
			options->fetches[options->fetch_count++] = value;
		} else if (strcmp(option, "--tcp-fetch") == 0) {
			if (i + 1 >= argc)
				usage(argv[0]);
			options->tcp_fetch_target = value;
			options->tcp_fetch_request = argv[++i];
		} else if (strcmp(option, "--tls-ca-variable") == 0) {
			options->tls_ca_variable = value;
		} else if (strcmp(option, "--tcp-save") == 0) {
			options->tcp_save = value;
		} else if (strcmp(option, "--script") == 0) {
			if (access(value, R_OK) != 0) {
				dprintf(STDERR_FILENO, "--script %s: %s\n", value,
					strerror(-errno));
				exit(2);
			}
			options->script = value;
		} else if (strcmp(option, "--random") == 0) {
			char *end;
			unsigned long len = strtoul(value, &end, 10);

			if (*end || len == 0 || len > LINUX_MAX_RANDOM) {
				dprintf(STDERR_FILENO, "--random %s: want 1 to %d\n",
					value, LINUX_MAX_RANDOM);
				exit(2);
			}
			options->random_len = len;
		} else {
			usage(argv[0]);
		}
	}
	/* Serving and fetching run the stack alone: there is no boot program
	 * to script. */
	if ((options->serve + !!options->script + !!options->fetch_count +
	     !!options->tcp_fetch_target) > 1)
		usage(argv[0]);
}

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

/* Answers the network until asked to stop. */
static void serve(void)
{
	struct sigaction action = { .sa_handler = on_stop_signal };

	sigemptyset(&action.sa_mask);
	sigaction(SIGINT, &action, NULL);
	sigaction(SIGTERM, &action, NULL);
	while (!stop_signal)
		step();
}

int main(int argc, char **argv)
{
	int rc = 0;

	parse_options(argc, argv);
	if (linux_options.no_entropy)
		entropy_refuse_all();
	if (linux_options.random_len) {
		rc = linux_print_random(linux_options.random_len);
	} else if (linux_options.serve) {
		probe_devices();
		serve();
		remove_devices();
	} else if (linux_options.fetch_count) {
		rc = linux_fetch();
	} else if (linux_options.tcp_fetch_target) {
		rc = linux_tcp_fetch();
	} else {
		rc = wireboot_main();
	}
	console_flush();
	return rc == 0 ? 0 : 1;
}
