/*
 * eval_time.c - the time argmap_eval_map takes on a loaded map, for the
 * benchmark (bench/eval.sh). Not part of argmap.
 *
 *   eval_time [-n K] [-s grounded|preferred] MAP...
 *
 * For each map: load it once (not timed), then evaluate it K times
 * (default 11) and print one line:
 *
 *   MAP semantics=grounded claims=20000 median_ms=12.3 min_ms=12.0 extensions=0 complete=1
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "argmap/argmap.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	argmap_eval_options o = ARGMAP_EVAL_OPTIONS_INIT;
	int k = 11, i = 1, rc = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			k = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			o.semantics = !strcmp(argv[++i], "preferred") ? ARGMAP_SEMANTICS_PREFERRED
			                                              : ARGMAP_SEMANTICS_GROUNDED;
		else {
			fputs("Usage: eval_time [-n K] [-s grounded|preferred] MAP...\n", stderr);
			return 2;
		}
	}
	if (k < 1 || k > 1000)
		k = 11;
	for (; i < argc; i++) {
		argmap_map *map = NULL;
		argmap_diags *d = argmap_diags_new();
		double *t = malloc((size_t)k * sizeof *t);
		size_t claims = 0, n, j, ext = 0;
		int complete = 1, r;

		if (!d || !t || argmap_map_load(&map, argv[i], NULL, d) != 0 || !map) {
			fprintf(stderr, "eval_time: cannot load %s\n", argv[i]);
			rc = 1;
			goto next;
		}
		n = argmap_map_node_count(map);
		for (j = 0; j < n; j++)
			claims += argmap_map_node(map, j)->kind == ARGMAP_NODE_CLAIM;
		for (r = 0; r < k; r++) {
			argmap_eval_result *res = NULL;
			double t0 = now_ms();
			if (argmap_eval_map(map, &o, &res) != 0) {
				fprintf(stderr, "eval_time: %s: %s\n", argv[i],
				        argmap_error_last());
				rc = 1;
				goto next;
			}
			t[r] = now_ms() - t0;
			ext = res->n_extensions;
			complete = res->complete;
			argmap_eval_free(res);
		}
		qsort(t, (size_t)k, sizeof *t, cmp_double);
		printf("%s semantics=%s claims=%zu median_ms=%.3f min_ms=%.3f extensions=%zu "
		       "complete=%d\n",
		       argv[i],
		       o.semantics == ARGMAP_SEMANTICS_PREFERRED ? "preferred" : "grounded", claims,
		       t[k / 2], t[0], ext, complete);
	next:
		free(t);
		argmap_map_free(map);
		argmap_diags_free(d);
	}
	return rc;
}
