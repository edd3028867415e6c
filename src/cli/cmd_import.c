/*
 * cmd_import.c - `argmap import -f aif`: AIF JSON files (AIFdb, OVA, xAIF)
 * to argmap maps. Each input is converted (argmap_import_aif), the map is
 * loaded from memory and checked like any other (argmap_map_load_memory,
 * argmap_check), and written atomically (argmap_write_file_atomic) only
 * when it checks without errors: a failed import leaves the output as it
 * was.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void import_usage(FILE *out)
{
	fputs("Usage: argmap import -f aif [options] -o MAP.xml FILE.json\n"
	      "       argmap import -f aif [options] -o DIR FILE.json|FOLDER...\n"
	      "\n"
	      "Turn AIF argument maps (AIFdb JSON, OVA and xAIF files) into argmap maps.\n"
	      "I-nodes become claims (evidence when an L-node quotes them and nothing\n"
	      "argues for or against them), RA-nodes supports (linked when they have\n"
	      "several premises), CA-nodes rebuts (undercuts when they attack an RA),\n"
	      "and the speakers of L-nodes the holders of what they assert. Whatever\n"
	      "argmap cannot keep (MA, PA and TA nodes, locutions that assert nothing)\n"
	      "is reported. Maps exported by argmap export -T aif come back whole.\n"
	      "\n"
	      "Each imported map is checked as argmap check would, and written only\n"
	      "when it has no errors; an existing output is otherwise left untouched.\n"
	      "\n"
	      "Options:\n"
	      "  -f, --from FORMAT  the input format: aif (the only one)\n"
	      "  -o, --output PATH  the map to write (- for standard output); with a\n"
	      "                     folder or several inputs, the folder to write\n"
	      "                     NAME.xml into (it must exist)\n"
	      "  --format FORMAT    diagnostics as text (default, on stderr) or json\n"
	      "  --werror           treat warnings as errors (nothing is written then)\n"
	      "  -q, --quiet        leave out notes and the summary lines\n"
	      "  -h, --help         show this help\n"
	      "\n"
	      "A FOLDER stands for the .json files directly in it, in name order.\n"
	      "\n"
	      "Exit status: 0 every map written, 1 a map has errors (not written),\n"
	      "2 usage error, 3 a file could not be read or written.\n"
	      "The mapping is described in " ARGMAP_DOCDIR "/interop-aif.md, the codes\n"
	      "AM851-AM860 in " ARGMAP_DOCDIR "/diagnostics.md (docs/ in the source tree).\n"
	      "\n"
	      "Examples:\n"
	      "  argmap import -f aif -o nodeset.xml nodeset17919.json\n"
	      "  argmap import -f aif -o maps/ corpora/aif/\n",
	      out);
}

typedef struct import_cli {
	const char *output;
	int to_dir, werror, quiet;
	enum cli_format fmt;
	argmap_diags *diags;
	size_t done;
} import_cli;

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n > k && strcmp(s + n - k, tail) == 0;
}

/* DIR/<name of in without .aif.json or .json>.xml; caller frees. */
static char *output_in_dir(const char *dir, const char *in)
{
	const char *base = strrchr(in, '/');
	size_t n, dl = strlen(dir);
	char *p;

	base = base ? base + 1 : in;
	n = strlen(base);
	if (ends_with(base, ".aif.json"))
		n -= 9;
	else if (ends_with(base, ".json"))
		n -= 5;
	p = malloc(dl + n + 6);
	if (p)
		sprintf(p, "%s%s%.*s.xml", dir, dl && dir[dl - 1] == '/' ? "" : "/", (int)n, base);
	return p;
}

static void count_line(const char *in, const char *out, const argmap_map *m)
{
	size_t i, n = argmap_map_node_count(m), k[3] = {0, 0, 0}, r[4] = {0, 0, 0, 0};

	for (i = 0; i < n; i++)
		k[argmap_map_node(m, i)->kind]++;
	for (i = 0; i < argmap_map_relation_count(m); i++)
		r[argmap_map_relation(m, i)->kind]++;
	fprintf(stderr,
	        "argmap: %s -> %s: %zu questions, %zu claims, %zu evidence, %zu supports, "
	        "%zu rebuts, %zu undercuts, %zu answers, %zu actors, %zu sources\n",
	        in, out, k[ARGMAP_NODE_QUESTION], k[ARGMAP_NODE_CLAIM], k[ARGMAP_NODE_EVIDENCE],
	        r[ARGMAP_REL_SUPPORT], r[ARGMAP_REL_REBUT], r[ARGMAP_REL_UNDERCUT],
	        r[ARGMAP_REL_ANSWER], argmap_map_actor_count(m), argmap_map_source_count(m));
}

/* One input to one output. Returns an exit code. */
static int import_one(import_cli *c, const char *in, const char *out)
{
	char *xml = NULL;
	size_t len = 0, errs, before;
	argmap_map *map = NULL;
	int rc = argmap_import_aif(in, NULL, c->diags, &xml, &len);
	const char *protect[2];

	if (rc)
		return rc == ARGMAP_EIO || rc == ARGMAP_ENOMEM ? CLI_IO : CLI_ERRORS;
	before = argmap_diags_count_severity(c->diags, ARGMAP_SEV_ERROR);
	rc = argmap_map_load_memory(&map, out, xml, len, NULL, c->diags);
	if (map && argmap_check(map, NULL, c->diags) != 0)
		rc = ARGMAP_ENOMEM;
	if (c->werror)
		argmap_diags_promote_warnings(c->diags);
	errs = argmap_diags_count_severity(c->diags, ARGMAP_SEV_ERROR) - before;
	if (rc == ARGMAP_ENOMEM) {
		fprintf(stderr, "argmap import: %s: out of memory\n", in);
		rc = CLI_IO;
	} else if (rc || !map || errs) {
		argmap_diags_add(
		    c->diags, ARGMAP_SEV_NOTE, "AM861", out, 0, 0,
		    "the map imported from this AIF file has errors; it was not written",
		    "see it with -o - (lines above are lines of that text)", ARGMAP_NONE);
		rc = CLI_ERRORS;
	} else if (!strcmp(out, "-")) {
		if (fwrite(xml, 1, len, stdout) != len)
			cli_stdout_failed(errno);
		rc = CLI_OK;
	} else {
		protect[0] = in;
		protect[1] = NULL;
		rc = argmap_write_file_atomic(out, xml, len, protect, c->diags) ? CLI_IO : CLI_OK;
	}
	if (rc == CLI_OK) {
		c->done++;
		if (!c->quiet && c->fmt == CLI_TEXT)
			count_line(in, out, map);
	}
	argmap_map_free(map);
	free(xml);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every FOLDER/NAME.json, in name order. */
static int import_dir(import_cli *c, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int worst = CLI_OK;

	if (!d) {
		fprintf(stderr, "argmap import: %s: %s\n", dir, strerror(errno));
		return CLI_IO;
	}
	while ((e = readdir(d)) != NULL) {
		char *p;
		if (!ends_with(e->d_name, ".json"))
			continue;
		if (n == cap) {
			char **g = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof *names);
			if (!g)
				break;
			names = g;
		}
		p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!p)
			break;
		sprintf(p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		names[n++] = p;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	else
		fprintf(stderr, "argmap import: %s: no .json files in this folder\n", dir);
	for (i = 0; i < n; i++) {
		char *out = output_in_dir(c->output, names[i]);
		int rc = out ? import_one(c, names[i], out) : CLI_IO;
		if (rc > worst)
			worst = rc;
		free(out);
		free(names[i]);
	}
	free(names);
	return n ? worst : CLI_IO;
}

int cli_import(int argc, char **argv)
{
	static const struct option longopts[] = {{"from", required_argument, NULL, 'f'},
	                                         {"output", required_argument, NULL, 'o'},
	                                         {"format", required_argument, NULL, 'F'},
	                                         {"werror", no_argument, NULL, 'W'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	import_cli c;
	const char *from = NULL;
	int opt, i, worst = CLI_OK;
	size_t nerr, nwarn;

	memset(&c, 0, sizeof c);
	optind = 1;
	while ((opt = cli_getopt("import", argc, argv, "f:o:qh", longopts)) != -1) {
		switch (opt) {
		case 'f': from = optarg; break;
		case 'o': c.output = optarg; break;
		case 'F':
			if (!strcmp(optarg, "text") || !strcmp(optarg, "json")) {
				c.fmt = !strcmp(optarg, "json") ? CLI_JSON : CLI_TEXT;
				break;
			}
			return cli_usage_error("import", "unknown format '%s' (use text or json)",
			                       optarg);
		case 'W': c.werror = 1; break;
		case 'q': c.quiet = 1; break;
		case 'h':
			import_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (!from || strcmp(from, "aif") != 0) {
		fprintf(stderr,
		        from ? "argmap import: unknown input format '%s' (use -f aif)\n"
		             : "argmap import: say what to import from: -f aif\n",
		        from);
		fputs("Try 'argmap import --help'.\n", stderr);
		return CLI_USAGE;
	}
	if (optind >= argc || !c.output) {
		fputs(optind >= argc
		          ? "argmap import: no AIF file given\n"
		          : "argmap import: no output given (-o MAP.xml, -o DIR or -o -)\n",
		      stderr);
		fputs("Try 'argmap import --help'.\n", stderr);
		return CLI_USAGE;
	}
	c.to_dir = is_dir(c.output);
	if (!c.to_dir && (argc - optind > 1 || is_dir(argv[optind]))) {
		return cli_usage_error("import", "with %s, -o must name an existing folder",
		                       argc - optind > 1 ? "several inputs" : "a folder of inputs");
	}
	c.diags = argmap_diags_new();
	if (!c.diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	for (i = optind; i < argc; i++) {
		int rc;
		if (is_dir(argv[i])) {
			rc = import_dir(&c, argv[i]);
		} else if (c.to_dir) {
			char *out = output_in_dir(c.output, argv[i]);
			rc = out ? import_one(&c, argv[i], out) : CLI_IO;
			free(out);
		} else {
			rc = import_one(&c, argv[i], c.output);
		}
		if (rc > worst && rc != CLI_USAGE)
			worst = rc;
	}
	cli_print_diags(c.diags, c.fmt, c.quiet);
	nerr = argmap_diags_count_severity(c.diags, ARGMAP_SEV_ERROR);
	nwarn = argmap_diags_count_severity(c.diags, ARGMAP_SEV_WARNING);
	if (nerr && worst == CLI_OK)
		worst = CLI_ERRORS;
	if (!c.quiet && c.fmt == CLI_TEXT)
		fprintf(stderr, "argmap: imported %zu map%s: %zu error%s, %zu warning%s\n", c.done,
		        c.done == 1 ? "" : "s", nerr, nerr == 1 ? "" : "s", nwarn,
		        nwarn == 1 ? "" : "s");
	argmap_diags_free(c.diags);
	return worst;
}
