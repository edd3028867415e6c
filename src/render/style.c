/*
 * style.c - the visual grammar as data: how each node kind and relation
 * kind is drawn in each theme. No Graphviz types.
 *
 * Relations differ in colour AND line style AND arrowhead, so that a map
 * printed in grayscale still tells them apart:
 *   support   solid   filled triangle
 *   rebut     dashed  flat bar ("tee")
 *   undercut  dotted  filled diamond, aimed at the support's junction dot
 *   answer    bold    open triangle, labelled YES / NO / QUALIFIED
 * The print theme has no fills at all (no toner-heavy areas); node kinds
 * are told apart by their borders (double, rounded, square) and headers.
 *
 * An editor's link (basis="editor") keeps its kind's line style and
 * arrowhead, so it still reads as a support or a rebuttal, but is drawn
 * quieter (a lighter tint or grey, thinner) and carries an open circle
 * behind its arrowhead ("normalodot"): the circle, not the tint, is what
 * tells it apart in grayscale. No stated relation uses a circle.
 */
#include "render/style.h"

/* The themes are tables, one row per kind: kept as such. */
/* clang-format off */
static const am_theme color_theme = {
	{
		/* question */
		{"box", "rounded,filled,bold", "#e3f2fd", "#0d47a1", "2.2", "1", "#0d47a1", "#0b2545"},
		/* claim */
		{"box", "rounded,filled", "#fffdf5", "#5d4037", "1.3", "1", "#6d4c41", "#1a1a1a"},
		/* evidence */
		{"box", "filled", "#f3f6f4", "#78909c", "1.0", "1", "#546e7a", "#263238"},
	},
	{
		{"#2e7d32", "solid", "normal", "1.8", "1.0", "\xE2\x96\xB6", "solid"},   /* support, U+25B6 */
		{"#c62828", "dashed", "tee", "1.8", "1.4", "\xE2\x94\xA4", "dashed"},    /* rebut, U+2524 */
		{"#6a1b9a", "dotted", "diamond", "2.4", "1.0", "\xE2\x97\x86", "dotted"}, /* undercut, U+25C6 */
		{"#1565c0", "bold", "onormal", "2.0", "1.1", "\xE2\x96\xB7", "solid"},   /* answer, U+25B7 */
	},
	{
		/* editor's links: the kind's tint, thinner, an open circle (U+25CB) */
		{"#66a86a", "solid", "normalodot", "1.2", "1.0", "\xE2\x97\x8B\xE2\x96\xB6", "solid"},
		{"#d77a7a", "dashed", "teeodot", "1.2", "1.4", "\xE2\x97\x8B\xE2\x94\xA4", "dashed"},
		{"#a47bbd", "dotted", "diamondodot", "1.6", "1.0", "\xE2\x97\x8B\xE2\x97\x86", "dotted"},
		{"#6a9bd6", "solid", "onormalodot", "1.3", "1.1", "\xE2\x97\x8B\xE2\x96\xB7", "solid"},
	},
	"#2e7d32",
	"#607d8b",
	"#0b2545",
	"#78909c", "#f5f8fa",
	"#90a4ae", "#fbfcfd",
	{"#37474f", "#1b5e20", "#b71c1c", "#e65100"},
};

static const am_theme print_theme = {
	{
		{"box", "rounded,bold", "white", "black", "2.0", "2", "black", "black"},
		{"box", "rounded", "white", "black", "1.2", "1", "black", "black"},
		{"box", "solid", "white", "#444444", "0.8", "1", "#333333", "black"},
	},
	{
		{"black", "solid", "normal", "1.6", "1.0", "\xE2\x96\xB6", "solid"},
		{"#222222", "dashed", "tee", "1.6", "1.4", "\xE2\x94\xA4", "dashed"},
		{"#222222", "dotted", "diamond", "2.4", "1.0", "\xE2\x97\x86", "dotted"},
		{"black", "bold", "onormal", "2.0", "1.1", "\xE2\x96\xB7", "solid"},
	},
	{
		{"#777777", "solid", "normalodot", "1.1", "1.0", "\xE2\x97\x8B\xE2\x96\xB6", "solid"},
		{"#777777", "dashed", "teeodot", "1.1", "1.4", "\xE2\x97\x8B\xE2\x94\xA4", "dashed"},
		{"#777777", "dotted", "diamondodot", "1.6", "1.0", "\xE2\x97\x8B\xE2\x97\x86", "dotted"},
		{"#777777", "solid", "onormalodot", "1.3", "1.1", "\xE2\x97\x8B\xE2\x96\xB7", "solid"},
	},
	"black",
	"#444444",
	"black",
	"#555555", "white",
	"#777777", "white",
	{"black", "black", "black", "black"},
};

/* clang-format on */

const am_theme *am_theme_get(int print)
{
	return print ? &print_theme : &color_theme;
}

const am_edge_style *am_theme_rel(const am_theme *th, const argmap_relation *r)
{
	unsigned k = (unsigned)r->kind < 4 ? (unsigned)r->kind : 0;

	return r->basis == ARGMAP_BASIS_EDITOR ? &th->editor[k] : &th->rel[k];
}
