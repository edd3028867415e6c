/* docs/example.c - the library example of README.md (quoted there exactly;
 * tests/install builds it against an installed argmap). Checks one map and,
 * when it has no errors, renders it to SVG.
 *   cc example.c $(pkg-config --cflags --libs argmap-render) -o example
 *   ./example map.xml map.svg */
#include <stdio.h>
#include <stdlib.h>

#include <argmap/argmap.h>

int main(int argc, char **argv)
{
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	argmap_render_options ro = ARGMAP_RENDER_OPTIONS_INIT;
	char *svg = NULL;
	size_t len = 0, errors;
	int rc = 1;

	if (argc != 3 || !d) {
		fprintf(stderr, "usage: example MAP.xml OUT.svg\n");
		return 2;
	}
	if (argmap_map_load(&m, argv[1], NULL, d) == 0 && argmap_check(m, NULL, d) == 0) {
		errors = argmap_diags_count_severity(d, ARGMAP_SEV_ERROR);
		printf("argmap %s: %zu errors\n", argmap_version(), errors);
		ro.format = ARGMAP_RENDER_SVG;
		if (errors == 0 && argmap_render(m, &ro, d, &svg, &len) == 0 &&
		    argmap_write_file_atomic(argv[2], svg, len, NULL, d) == 0) {
			printf("wrote %s (%zu bytes)\n", argv[2], len);
			rc = 0;
		}
	}
	if (rc != 0)
		fprintf(stderr, "example: failed: %s\n", argmap_error_last());
	free(svg);
	argmap_map_free(m);
	argmap_diags_free(d);
	argmap_shutdown();
	return rc;
}
