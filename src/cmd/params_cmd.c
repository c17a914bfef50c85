/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Form parameters for HTTP POST (see wireboot/params.h): params, param. */

#include <errno.h>
#include <stdio.h>
#include <wireboot/command.h>
#include <wireboot/params.h>
#include <wireboot/parseopt.h>

PROVIDE_OBJECT(params_cmd);

struct params_options {
	const char *name;
};

static const struct option_descriptor params_opts[] = {
	OPTION("name", 'n', parseopt_string, struct params_options, name, "name"),
};

static const struct command_descriptor params_cmd =
	COMMAND_DESCRIPTOR(params_opts, 0, 0, "");

/* "params [--name NAME]": a new, empty list. */
static int params_exec(int argc, char **argv)
{
	struct params_options opts = { 0 };
	int first = parse_options(argc, argv, &params_cmd, &opts);

	if (first <= 0)
		return first;
	return create_parameters(opts.name) ? 0 : -ENOMEM;
}

struct param_options {
	const char *params;
};

static const struct option_descriptor param_opts[] = {
	OPTION("params", 'p', parseopt_string, struct param_options, params,
	       "list"),
};

static const struct command_descriptor param_cmd =
	COMMAND_DESCRIPTOR(param_opts, 1, 2, "<key> [<value>]");

/* "param [--params NAME] KEY [VALUE]": appends to a list made by params. */
static int param_exec(int argc, char **argv)
{
	struct param_options opts = { 0 };
	int first = parse_options(argc, argv, &param_cmd, &opts);
	struct parameters *params;

	if (first <= 0)
		return first;
	params = find_parameters(opts.params);
	if (!params) {
		printf("%s: no such parameter list (use \"params\" first)\n",
		       opts.params ? opts.params : "(unnamed)");
		return -ENOENT;
	}
	return add_parameter(params, argv[first],
			     first + 1 < argc ? argv[first + 1] : NULL);
}

COMMAND(params_command) = { .name = "params", .exec = params_exec };
COMMAND(param_command) = { .name = "param", .exec = param_exec };
