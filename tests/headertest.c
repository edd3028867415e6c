/* The public header compiles on its own, under C99 and -pedantic -Werror,
 * and names no libxml2 or Graphviz type (libgit2's headertest). */
#include <argmap/argmap.h>

#if defined(LIBXML_VERSION) || defined(GVC_H) || defined(ATT_GRAPH_H)
#error "a public header pulled in libxml2 or Graphviz"
#endif

int main(void)
{
	return argmap_version()[0] == '\0';
}
