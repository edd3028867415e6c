/*
 * cmd_eval.c - `argmap eval`: which claims stand, and why (the grounded
 * labelling, or the preferred extensions), per question and per claim.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void eval_usage(FILE *out)
{
	fputs("Usage: argmap eval [options] FILE...\n"
	      "\n"
	      "Which positions stand? Each map (with everything it imports) is read as\n"
	      "a Dung argumentation framework: a claim holds when one of its supports\n"
	      "holds (or it has none) and none of its rebuttals holds; a support holds\n"
	      "when all its premises hold and no undercut holds. Every claim gets a\n"
	      "label, IN, OUT (rebutted, or not established) or UNDEC, with the reason.\n"
	      "Text output lists each question with its answers (stance and label),\n"
	      "then each claim.\n"
	      "\n"
	      "Options:\n"
	      "  --semantics S       grounded (default: the one sceptical labelling) or\n"
	      "                      preferred (every preferred extension, and per claim\n"
	      "                      sceptical / credulous / rejected)\n"
	      "  --format FORMAT     text (default) or json (docs/eval.schema.json: an\n"
	      "                      array with one object per map)\n"
	      "  --max-extensions N  preferred: stop after N extensions (default 1000);\n"
	      "                      the search also stops after 10 s, with a message\n"
	      "  -q, --quiet         leave out the maps' warnings (errors are shown)\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Exit status as for check: 0 no errors in the maps, 1 errors (the maps are\n"
	      "still evaluated as far as they resolve), 2 usage error, 3 a file could not\n"
	      "be read, the report could not be written or memory ran out.\n"
	      "The translation and worked examples: " ARGMAP_DOCDIR "/semantics.md\n"
	      "(docs/semantics.md in the source tree).\n",
	      out);
}

static int is_claim(const argmap_map *map, size_t i)
{
	return argmap_map_node(map, i)->kind == ARGMAP_NODE_CLAIM;
}

/* What a claim's standing is called in text: its label, or (preferred)
 * its acceptance. */
static const char *standing(const argmap_eval_result *res, size_t i)
{
	if (res->acceptance)
		return argmap_acceptance_name(res->acceptance[i]);
	return argmap_label_name(res->label[i]);
}

static void print_questions(const argmap_map *map, const argmap_eval_result *res)
{
	size_t q, r, nr = argmap_map_relation_count(map);

	for (q = 0; q < res->n_nodes; q++) {
		const argmap_node *nd = argmap_map_node(map, q);
		size_t answers = 0;
		if (nd->kind != ARGMAP_NODE_QUESTION)
			continue;
		printf("question %s: %s\n", nd->id, nd->text ? nd->text : "");
		for (r = 0; r < nr; r++) {
			const argmap_relation *rel = argmap_map_relation(map, r);
			size_t c;
			if (rel->kind != ARGMAP_REL_ANSWER || rel->to.kind != ARGMAP_ITEM_NODE ||
			    rel->to.index != q || !rel->n_from ||
			    rel->from[0].kind != ARGMAP_ITEM_NODE ||
			    rel->from[0].index >= res->n_nodes)
				continue;
			c = rel->from[0].index;
			printf("  %-10s %-9s %s\n", argmap_stance_name(rel->stance),
			       standing(res, c), rel->from[0].id);
			answers++;
		}
		if (!answers)
			puts("  (no answers)");
	}
}

static void print_claims(const argmap_map *map, const argmap_eval_result *res)
{
	size_t i, n[4] = {0, 0, 0, 0}, total = 0;

	for (i = 0; i < res->n_nodes; i++)
		if (is_claim(map, i)) {
			n[res->label[i]]++;
			total++;
		}
	printf("claims (%zu; grounded: %zu IN, %zu OUT, %zu UNDEC):\n", total, n[ARGMAP_LABEL_IN],
	       n[ARGMAP_LABEL_OUT], n[ARGMAP_LABEL_UNDEC]);
	for (i = 0; i < res->n_nodes; i++) {
		if (!is_claim(map, i))
			continue;
		printf("  %s\n    %s\n", argmap_map_node(map, i)->id, res->explanation[i]);
		if (res->acceptance)
			printf("    %s\n", res->acceptance_explanation[i]);
	}
}

/* The extensions, each by the claims it accepts beyond the sceptically
 * accepted ones (those are IN in all of them). */
static void print_extensions(const argmap_map *map, const argmap_eval_result *res)
{
	size_t e, i, nsc = 0;

	for (i = 0; i < res->n_nodes; i++)
		nsc += is_claim(map, i) && res->acceptance[i] == ARGMAP_ACCEPT_SCEPTICAL;
	printf("preferred extensions: %zu%s; each accepts the %zu sceptically accepted claim%s "
	       "and:\n",
	       res->n_extensions, res->complete ? "" : " (incomplete)", nsc, nsc == 1 ? "" : "s");
	for (e = 0; e < res->n_extensions; e++) {
		size_t n = 0;
		printf("  %zu:", e + 1);
		for (i = 0; i < res->n_nodes; i++)
			if (is_claim(map, i) && res->acceptance[i] != ARGMAP_ACCEPT_SCEPTICAL &&
			    res->extensions[e * res->n_items + i] == ARGMAP_LABEL_IN)
				printf("%s %s", n++ ? "," : "", argmap_map_node(map, i)->id);
		puts(n ? "" : " (nothing more)");
	}
	if (!res->complete)
		printf("note: %s\n", res->limit_message);
}

/* The diagnostics of at least severity `min`, as check prints them. */
static void print_problems(argmap_diags *diags, argmap_severity min)
{
	size_t i, n;

	if (argmap_diags_sort(diags) != 0)
		fputs("argmap: out of memory while sorting diagnostics\n", stderr);
	n = argmap_diags_count(diags);
	for (i = 0; i < n; i++) {
		const argmap_diag *d = argmap_diags_get(diags, i);
		char *line;
		if (d->severity < min)
			continue;
		line = argmap_diag_format_text(d);
		if (line) {
			fprintf(stderr, "%s\n", line);
			free(line);
		}
	}
}

static int eval_one(const char *path, const argmap_eval_options *o, enum cli_format fmt,
                    argmap_diags *diags, int *first_json)
{
	argmap_map *map = NULL;
	argmap_eval_result *res = NULL;
	int rc = cli_load_and_check(path, NULL, diags, &map);

	if (!map)
		return rc;
	if (argmap_eval_map(map, o, &res) != 0) {
		fprintf(stderr, "argmap eval: %s: %s\n", path, argmap_error_last());
		argmap_map_free(map);
		return CLI_IO;
	}
	if (fmt == CLI_JSON) {
		char *json = argmap_eval_format_json(map, res);
		if (!json) {
			fprintf(stderr, "argmap eval: %s: %s\n", path, argmap_error_last());
			rc = CLI_IO;
		} else {
			fputs(*first_json ? "[\n" : ",\n", stdout);
			fputs(json, stdout);
			*first_json = 0;
			free(json);
		}
	} else {
		printf("%s: %s semantics\n", path,
		       o->semantics == ARGMAP_SEMANTICS_PREFERRED ? "preferred" : "grounded");
		print_questions(map, res);
		print_claims(map, res);
		if (o->semantics == ARGMAP_SEMANTICS_PREFERRED)
			print_extensions(map, res);
	}
	argmap_eval_free(res);
	argmap_map_free(map);
	return rc;
}

int cli_eval(int argc, char **argv)
{
	static const struct option longopts[] = {{"semantics", required_argument, NULL, 's'},
	                                         {"format", required_argument, NULL, 'f'},
	                                         {"max-extensions", required_argument, NULL, 'x'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	argmap_eval_options o = ARGMAP_EVAL_OPTIONS_INIT;
	enum cli_format fmt = CLI_TEXT;
	int quiet = 0, opt, i, worst = CLI_OK, first_json = 1;
	argmap_diags *diags;
	char *end;

	optind = 1;
	while ((opt = cli_getopt("eval", argc, argv, "qh", longopts)) != -1) {
		switch (opt) {
		case 's':
			if (!strcmp(optarg, "grounded"))
				o.semantics = ARGMAP_SEMANTICS_GROUNDED;
			else if (!strcmp(optarg, "preferred"))
				o.semantics = ARGMAP_SEMANTICS_PREFERRED;
			else {
				return cli_usage_error("eval",
				                       "unknown semantics '%s' (use grounded or "
				                       "preferred)",
				                       optarg);
			}
			break;
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = CLI_TEXT;
			else if (!strcmp(optarg, "json"))
				fmt = CLI_JSON;
			else {
				return cli_usage_error(
				    "eval", "unknown format '%s' (use text or json)", optarg);
			}
			break;
		case 'x':
			o.max_extensions = strtoul(optarg, &end, 10);
			if (!*optarg || *end || o.max_extensions == 0 || optarg[0] == '-') {
				return cli_usage_error("eval",
				                       "--max-extensions wants a positive number, "
				                       "not '%s'",
				                       optarg);
			}
			break;
		case 'q': quiet = 1; break;
		case 'h':
			eval_usage(stdout);
			cli_flush_stdout();
			return CLI_OK;
		default: return CLI_USAGE; /* cli_getopt said why */
		}
	}
	if (optind >= argc) {
		return cli_usage_error("eval", "%s", "no map given");
	}
	diags = argmap_diags_new();
	if (!diags) {
		fputs("argmap: out of memory\n", stderr);
		return CLI_IO;
	}
	for (i = optind; i < argc; i++) {
		int rc = eval_one(argv[i], &o, fmt, diags, &first_json);
		if (rc > worst && rc != CLI_USAGE)
			worst = rc;
	}
	if (fmt == CLI_JSON)
		fputs(first_json ? "[]\n" : "]\n", stdout);
	cli_flush_stdout();
	/* the maps' own problems, as check reports them (without notes) */
	print_problems(diags, quiet ? ARGMAP_SEV_ERROR : ARGMAP_SEV_WARNING);
	if (argmap_diags_count_severity(diags, ARGMAP_SEV_ERROR) && worst == CLI_OK)
		worst = CLI_ERRORS;
	argmap_diags_free(diags);
	return worst;
}
