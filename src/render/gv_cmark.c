/*
 * gv_cmark.c - dot's connected components (lib/dotgen/decompose.c) mark
 * each node they visit with a static `char Cmark`, incremented per call
 * and wrapped to 1 after 255. Other phases of dot leave ND_mark(n) at 1
 * (TRUE) in nodes they visit, so the call that runs with Cmark == 1
 * takes such a node for visited, leaves it out of every component, and
 * mincross crashes (SIGSEGV in decompose). A single drawing makes a few
 * calls; --pages makes hundreds of trial layouts in one process and met
 * it on the CNN map (seen in Debian 12's 2.43.0; dot on the same graph
 * alone never crashes, since its counter starts at 0).
 *
 * The guard reads the counter through a graph of one node (decompose sets
 * that node's mark to the counter) and, when the next layout could reach
 * the wrap, calls decompose on that graph until the counter has taken the
 * value 1 there. Each layout's own count of calls is learnt from the
 * readings before and after it, so a layout with many clusters (one call
 * each) is given room too. At most 255 tiny calls per guard.
 */
#include <stdlib.h>

#include <gvc.h>

#include "render/gv_attr.h"
#include "render/gv_cmark.h"
#include "render/gv_private.h"

static Agraph_t *probe_g;
static Agnode_t *probe_n;
static int last = -1;  /* the counter after the last guard, -1 unknown */
static int widest = 8; /* the most calls one layout was seen to make, + margin */

static int probe(void)
{
	ND_mark(probe_n) = 0;
	decompose(probe_g, 0);
	free(GD_comp(probe_g).list);
	GD_comp(probe_g).list = NULL;
	GD_comp(probe_g).size = 0;
	return (unsigned char)ND_mark(probe_n);
}

int am_gv_cmark_guard(void)
{
	int c;

	if (!probe_g) {
		probe_g = agopen(am_s("am-cmark"), Agdirected, NULL);
		if (!probe_g)
			return -1;
		probe_n = agnode(probe_g, am_s("n"), 1);
		if (!probe_n ||
		    !agbindrec(probe_g, am_s("Agraphinfo_t"), sizeof(Agraphinfo_t), 1) ||
		    !agbindrec(probe_n, am_s("Agnodeinfo_t"), sizeof(Agnodeinfo_t), 1)) {
			agclose(probe_g);
			probe_g = NULL;
			return -1;
		}
	}
	c = probe();
	/* what the layout since the last guard used, probe included */
	if (last >= 0) {
		int used = (c - last + 255) % 255;
		if (used * 2 + 4 > widest)
			widest = used * 2 + 4;
	}
	if (widest > 200)
		widest = 200;
	if (c + widest >= 255)
		while (c != 1)
			c = probe();
	last = c;
	return 0;
}
