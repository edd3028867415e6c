/*
 * argmap - the command-line tool. It parses arguments, calls the public
 * library API, prints diagnostics and maps outcomes to exit codes:
 *   0 success, 1 the maps have errors, 2 usage error, 3 I/O or internal.
 *
 * This program links libargmap only, never Graphviz: `argmap check` (what
 * editors run on every save) does not pay for mapping some fifty Graphviz
 * libraries. `argmap render ARGS` execs the program argmap-render ARGS
 * (render_main.c), as git runs its git-<command> programs.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argmap/argmap.h"
#include "cli.h"

static void usage(FILE *out)
{
	fputs("Usage: argmap <command> [options] FILE...\n"
	      "\n"
	      "Check and render hand-written XML argument maps.\n"
	      "\n"
	      "Commands:\n"
	      "  check FILE...     report every problem in the maps (alias: validate)\n"
	      "  render FILE...    draw the maps as SVG, PDF, PNG, DOT or an HTML web view\n"
	      "  export FILE...    write the maps as JSON, AIF, Argdown, GraphML or DOT\n"
	      "  import FILE...    turn AIF maps (AIFdb, OVA, xAIF) into argmap maps\n"
	      "  eval FILE...      which claims stand (grounded or preferred), and why\n"
	      "  stats FILE...     count what each map holds and how its argument is built\n"
	      "  diff OLD NEW      what changed between two versions of a map\n"
	      "  list WHAT FILE    list a map's actors, claims, tags or sources\n"
	      "  lsp               the language server for editors (docs/editors.md)\n"
	      "  schema            print the RELAX NG schema of the format\n"
	      "  new FILE          write a commented starter map to FILE\n"
	      "  watch FILE...     check (and --render) again on every save\n"
	      "  help COMMAND      the help of a command (as COMMAND --help)\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help        show this help (argmap COMMAND --help for a command)\n"
	      "  -V, --version     show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 the maps have errors, 2 usage error,\n"
	      "3 a file could not be read or written (or an internal error).\n"
	      "\n"
	      "Examples:\n"
	      "  argmap check maps/*/*.xml\n"
	      "  argmap check --sources maps/example/texts maps/example/cycle-lane.xml\n"
	      "  argmap check --format json maps/ukraine-2025/debate.xml\n"
	      "  argmap render -d output -T svg,pdf maps/example/cycle-lane.xml\n"
	      "  argmap export -T argdown -o - maps/example/cycle-lane.xml\n"
	      "  argmap eval --semantics preferred maps/ukraine-2025/debate.xml\n"
	      "  argmap list actors maps/ukraine-2025/carnegie.xml\n"
	      "\n"
	      "The format is described in " ARGMAP_DOCDIR "/format.md,\n"
	      "every diagnostic code in " ARGMAP_DOCDIR "/diagnostics.md\n"
	      "(docs/ in the source tree); see also man argmap.\n",
	      out);
}

/* Where argmap-render may be, in this order: $ARGMAP_EXEC_PATH alone when
 * it is set; else beside the libexec folder of this program's prefix
 * (installed: PREFIX/bin/argmap -> PREFIX/libexec/argmap/argmap-render),
 * then this program's own folder (the build tree). */
int cli_exec_render(int argc, char **argv)
{
	static const char name[] = "argmap-render";
	char self[4096], cand[2][4200];
	const char *env = getenv("ARGMAP_EXEC_PATH");
	int n_cand = 0, i;

	(void)argc;
	if (env && *env) {
		snprintf(cand[n_cand++], sizeof cand[0], "%s/%s", env, name);
	} else {
		ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
		char *slash;
		if (len <= 0 || (size_t)len >= sizeof self - 1) {
			fprintf(stderr, "argmap: cannot find this program's folder to run %s: %s\n",
			        name, len < 0 ? strerror(errno) : "path too long");
			return CLI_IO;
		}
		self[len] = '\0';
		slash = strrchr(self, '/');
		if (slash)
			*slash = '\0';
		snprintf(cand[n_cand++], sizeof cand[0], "%s/%s/%s", self, ARGMAP_BIN_TO_LIBEXEC,
		         name);
		snprintf(cand[n_cand++], sizeof cand[0], "%s/%s", self, name);
	}
	for (i = 0; i < n_cand; i++) {
		if (access(cand[i], X_OK) != 0)
			continue;
		argv[0] = cand[i];
		execv(cand[i], argv);
		fprintf(stderr, "argmap: cannot run %s: %s\n", cand[i], strerror(errno));
		return CLI_IO;
	}
	fprintf(stderr,
	        "argmap: cannot find %s, which draws maps (looked for %s%s%s); is argmap "
	        "installed completely?\n",
	        name, cand[0], n_cand > 1 ? " and " : "", n_cand > 1 ? cand[1] : "");
	return CLI_IO;
}

int main(int argc, char **argv)
{
	const char *cmd;
	int rc;

	cli_start();
	if (argc < 2) {
		usage(stderr);
		return cli_finish(CLI_USAGE);
	}
	cmd = argv[1];
	if (!strcmp(cmd, "help") && argc > 2) {
		/* argmap help CMD = argmap CMD --help */
		static char help_opt[] = "--help";
		static char *hargv[4];
		hargv[0] = argv[0];
		hargv[1] = argv[2];
		hargv[2] = help_opt;
		hargv[3] = NULL;
		argv = hargv;
		argc = 3;
		cmd = argv[1];
	}
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		cli_flush_stdout();
		return cli_finish(CLI_OK);
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("argmap %s\n", argmap_version());
		cli_flush_stdout();
		return cli_finish(CLI_OK);
	}
	if (!strcmp(cmd, "check") || !strcmp(cmd, "validate"))
		rc = cli_check(argc - 1, argv + 1);
	else if (!strcmp(cmd, "export"))
		rc = cli_export(argc - 1, argv + 1);
	else if (!strcmp(cmd, "import"))
		rc = cli_import(argc - 1, argv + 1);
	else if (!strcmp(cmd, "eval"))
		rc = cli_eval(argc - 1, argv + 1);
	else if (!strcmp(cmd, "stats"))
		rc = cli_stats(argc - 1, argv + 1);
	else if (!strcmp(cmd, "diff"))
		rc = cli_diff(argc - 1, argv + 1);
	else if (!strcmp(cmd, "list"))
		rc = cli_list(argc - 1, argv + 1);
	else if (!strcmp(cmd, "render"))
		return cli_finish(cli_exec_render(argc - 1, argv + 1));

	else if (!strcmp(cmd, "lsp"))
		rc = cli_lsp(argc - 1, argv + 1);
	else if (!strcmp(cmd, "schema"))
		rc = cli_schema(argc - 1, argv + 1);
	else if (!strcmp(cmd, "new"))
		rc = cli_new(argc - 1, argv + 1);
	else if (!strcmp(cmd, "watch"))
		rc = cli_watch(argc - 1, argv + 1);
	else {
		fprintf(stderr, "argmap: unknown command '%s'\n", cmd);
		fprintf(stderr, "Try 'argmap --help'.\n");
		rc = CLI_USAGE;
	}
	/* No argmap_shutdown() here: what it frees (the compiled schema,
	 * libxml2's globals) is still reachable, so leak checkers do not count
	 * it, and the kernel reclaims it at exit for less than freeing it block
	 * by block costs: about 5 % of checking a small map, which is what
	 * editors run on every save. Every map and diagnostic list is freed. */
	return cli_finish(rc);
}
