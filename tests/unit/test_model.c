/* load.c + model.c: what the example map turns into, and imports. */
#include <criterion/criterion.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>

#include "read/loader.h"
#include "support.h"

#define EXAMPLE ARGMAP_SOURCE_DIR "/maps/example/cycle-lane.xml"

static argmap_map *load(const char *path, argmap_diags **d)
{
	argmap_map *m = NULL;

	*d = argmap_diags_new();
	cr_assert_eq(argmap_map_load(&m, path, NULL, *d), 0, "load %s", path);
	cr_assert(m);
	return m;
}

static const argmap_node *node(const argmap_map *m, const char *id)
{
	size_t i;
	cr_assert_eq(argmap_map_find(m, id, &i), ARGMAP_ITEM_NODE, "%s is not a node", id);
	return argmap_map_node(m, i);
}

static const argmap_relation *relation(const argmap_map *m, const char *id)
{
	size_t i;
	cr_assert_eq(argmap_map_find(m, id, &i), ARGMAP_ITEM_RELATION, "%s is not a relation", id);
	return argmap_map_relation(m, i);
}

Test(model, example_loads_every_construct)
{
	argmap_diags *d;
	argmap_map *m = load(EXAMPLE, &d);
	const argmap_file *f = argmap_map_file(m, 0);
	const argmap_node *n;
	const argmap_relation *r;
	size_t i, counts[4] = {0}, basis[2] = {0};

	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0);
	cr_expect_eq(argmap_map_file_count(m), 2, "the map and its imported library");
	cr_expect_str_eq(f->title, "Should Riverton build a protected cycle lane on Main Street?");
	cr_expect_str_eq(f->lang, "en");
	cr_expect_eq(f->n_editors, 1);
	cr_expect_eq(f->n_imports, 1);
	cr_expect_eq(argmap_map_file(m, 1)->kind, ARGMAP_FILE_LIBRARY);
	cr_expect_eq(argmap_map_source_count(m), 3);
	cr_expect_eq(argmap_map_actor_count(m), 4);

	n = node(m, "q-lane");
	cr_expect_eq(n->kind, ARGMAP_NODE_QUESTION);
	n = node(m, "lane-yes");
	cr_expect_eq(n->kind, ARGMAP_NODE_CLAIM);
	cr_expect_eq(n->n_by, 2);
	cr_expect_eq(n->by[0].kind, ARGMAP_ITEM_ACTOR, "references resolve across files");
	cr_expect_str_eq(argmap_map_actor(m, n->by[0].index)->name, "Riverton Cycling Club");
	cr_expect_eq(n->n_tags, 2);
	cr_expect_str_eq(n->tags[1], "safety");
	cr_expect_eq(n->loc.file, 0);
	cr_expect_eq(n->loc.line, 26);
	cr_expect_eq(n->loc.col, 3);

	n = node(m, "ev-collisions");
	cr_expect_eq(n->kind, ARGMAP_NODE_EVIDENCE);
	cr_expect_str_eq(n->text,
	                 "Between 2021 and 2024 the street saw 14 collisions involving "
	                 "cyclists, four of them serious.",
	                 "whitespace is folded");
	cr_expect_str_eq(n->locator, "Summary, para. 1");
	cr_expect_not_null(n->speaker);
	cr_expect_eq(n->n_sources, 1);

	r = relation(m, "sup-protected");
	cr_expect_eq(r->kind, ARGMAP_REL_SUPPORT);
	cr_expect_eq(r->n_from, 2, "linked co-premises");
	cr_expect_not_null(r->note);
	r = relation(m, "sup-danger");
	for (i = 0; i < argmap_map_relation_count(m); i++) {
		const argmap_relation *x = argmap_map_relation(m, i);
		counts[x->kind]++;
		if (x->kind == ARGMAP_REL_UNDERCUT) {
			cr_expect_eq(x->to.kind, ARGMAP_ITEM_RELATION);
			cr_expect_eq(argmap_map_relation(m, x->to.index), r,
			             "undercut targets sup-danger");
		}
		if (x->kind == ARGMAP_REL_ANSWER)
			cr_expect_neq(x->stance, ARGMAP_STANCE_NONE);
		basis[x->basis]++;
	}
	cr_expect_eq(basis[ARGMAP_BASIS_EDITOR], 1, "one editor's link");
	cr_expect_eq(counts[ARGMAP_REL_SUPPORT], 8);
	cr_expect_eq(counts[ARGMAP_REL_REBUT], 4);
	cr_expect_eq(counts[ARGMAP_REL_UNDERCUT], 1);
	cr_expect_eq(counts[ARGMAP_REL_ANSWER], 3);
	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(model, basis_defaults_to_source)
{
	static const char xml[] = TS_HEAD
	    "  <claim id=\"a\"><text>A.</text></claim>\n"
	    "  <claim id=\"b\"><text>B.</text></claim>\n"
	    "  <question id=\"q\"><text>Q?</text></question>\n"
	    "  <support id=\"s1\" from=\"a\" to=\"b\"/>\n"
	    "  <support id=\"s2\" from=\"a\" to=\"b\" basis=\"source\"/>\n"
	    "  <rebut id=\"r1\" from=\"b\" to=\"a\" basis=\"editor\"/>\n"
	    "  <undercut id=\"u1\" from=\"b\" to=\"s1\" basis=\"editor\"/>\n"
	    "  <answer id=\"a1\" from=\"a\" to=\"q\" stance=\"yes\" basis=\"editor\"/>\n" TS_TAIL;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;

	cr_assert_eq(argmap_map_load_memory(&m, "basis.xml", xml, sizeof xml - 1, NULL, d), 0);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0);
	cr_expect_eq(relation(m, "s1")->basis, ARGMAP_BASIS_SOURCE, "the default");
	cr_expect_eq(relation(m, "s2")->basis, ARGMAP_BASIS_SOURCE);
	cr_expect_eq(relation(m, "r1")->basis, ARGMAP_BASIS_EDITOR);
	cr_expect_eq(relation(m, "u1")->basis, ARGMAP_BASIS_EDITOR);
	cr_expect_eq(relation(m, "a1")->basis, ARGMAP_BASIS_EDITOR);
	cr_expect_str_eq(argmap_basis_name(ARGMAP_BASIS_SOURCE), "source");
	cr_expect_str_eq(argmap_basis_name(ARGMAP_BASIS_EDITOR), "editor");
	argmap_map_free(m);
	argmap_diags_free(d);
}

static char *dir;

static void setup(void)
{
	dir = ts_tmpdir();
}

static void teardown(void)
{
	ts_rmtree(dir);
	free(dir);
}

TestSuite(imports, .init = setup, .fini = teardown);

#define LIB                                                                                        \
	TS_HEAD "  <actor id=\"ann\" kind=\"person\" name=\"Ann\"/>\n"                             \
	        "  <claim id=\"shared-claim\" by=\"ann\"><text>Shared.</text></claim>\n" TS_TAIL

Test(imports, declarations_and_claims_of_another_file)
{
	char *p;
	argmap_diags *d;
	argmap_map *m;

	ts_put(dir, "lib.xml", LIB, (size_t)-1);
	p = ts_write(dir, "main.xml",
	             TS_HEAD "  <import href=\"lib.xml\"/>\n"
	                     "  <claim id=\"mine\" by=\"ann\"><text>Mine.</text></claim>\n"
	                     "  <rebut from=\"mine\" to=\"shared-claim\"/>\n" TS_TAIL,
	             (size_t)-1);
	d = ts_check_file(p, NULL);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_WARNING), 0);
	argmap_diags_free(d);
	m = load(p, &d);
	cr_expect_eq(argmap_map_file_count(m), 2);
	argmap_map_free(m);
	argmap_diags_free(d);
	free(p);
}

Test(imports, cycles_are_loaded_once)
{
	char *p;
	argmap_diags *d;
	argmap_map *m;

	ts_put(dir, "b.xml", TS_HEAD "  <import href=\"a.xml\"/>\n" TS_TAIL, (size_t)-1);
	p = ts_write(dir, "a.xml",
	             TS_HEAD "  <import href=\"./b.xml\"/>\n  <import href=\"a.xml\"/>\n" TS_TAIL,
	             (size_t)-1);
	m = load(p, &d);
	cr_expect_eq(argmap_map_file_count(m), 2);
	cr_expect_eq(argmap_diags_count_severity(d, ARGMAP_SEV_ERROR), 0);
	argmap_map_free(m);
	argmap_diags_free(d);
	free(p);
}

Test(imports, leaving_the_folder_is_refused)
{
	char sub[2048];
	char *p, *outside;
	argmap_diags *d;

	snprintf(sub, sizeof sub, "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	outside = ts_write(dir, "outside.xml", LIB, (size_t)-1);
	p = ts_write(sub, "main.xml",
	             TS_HEAD "  <import href=\"../outside.xml\"/>\n"
	                     "  <import href=\"/etc/passwd\"/>\n"
	                     "  <import href=\"missing.xml\"/>\n" TS_TAIL,
	             (size_t)-1);
	d = ts_check_file(p, NULL);
	cr_expect_eq(ts_count(d, "AM401"), 2, "../ and absolute paths");
	cr_expect_eq(ts_count(d, "AM402"), 1, "missing file");
	cr_expect_eq(ts_find(d, "AM402")->line, 5);
	argmap_diags_free(d);
	free(p);
	free(outside);
}

Test(imports, symlink_out_of_the_folder_is_refused)
{
	char sub[2048], link[4096];
	char *p, *outside;
	argmap_diags *d;

	snprintf(sub, sizeof sub, "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	outside = ts_write(dir, "outside.xml", LIB, (size_t)-1);
	snprintf(link, sizeof link, "%s/inside.xml", sub);
	cr_assert_eq(symlink(outside, link), 0);
	p = ts_write(sub, "main.xml", TS_HEAD "  <import href=\"inside.xml\"/>\n" TS_TAIL,
	             (size_t)-1);
	d = ts_check_file(p, NULL);
	cr_expect_eq(ts_count(d, "AM401"), 1);
	argmap_diags_free(d);
	free(p);
	free(outside);
}

/* A map opened through a symbolic link to its folder (link -> real): the
 * map's own folder is inside, however it was named. Every import used to
 * get AM401, since the lexical path (link/...) was compared with the
 * realpath of the folder (real/...). */
Test(imports, map_opened_through_a_symlinked_folder)
{
	char real[2048], link[2048], path[4096];
	char *lib, *p;
	argmap_diags *d;

	snprintf(real, sizeof real, "%s/real", dir);
	snprintf(link, sizeof link, "%s/link", dir);
	cr_assert_eq(mkdir(real, 0700), 0);
	cr_assert_eq(symlink("real", link), 0);
	lib = ts_write(real, "lib.xml", LIB, (size_t)-1);
	p = ts_write(real, "main.xml", TS_HEAD "  <import href=\"lib.xml\"/>\n" TS_TAIL,
	             (size_t)-1);
	snprintf(path, sizeof path, "%s/main.xml", link);
	d = ts_check_file(path, NULL);
	cr_expect_eq(ts_count(d, "AM401"), 0, "%s", ts_dump(d));
	cr_expect_eq(ts_count(d, "AM402"), 0, "%s", ts_dump(d));
	argmap_diags_free(d);
	free(lib);
	free(p);
}

/* A symbolic link inside the folder to a file inside it is followed where
 * the kernel can resolve beneath a folder (openat2), and refused by the
 * component-by-component fallback, never followed out. */
Test(imports, open_beneath_stays_beneath)
{
	char sub[2048], link[4096];
	char *in, *outside;
	int fd, force;

	snprintf(sub, sizeof sub, "%s/sub", dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	in = ts_write(sub, "in.xml", LIB, (size_t)-1);
	outside = ts_write(dir, "outside.xml", LIB, (size_t)-1);
	snprintf(link, sizeof link, "%s/out.xml", sub);
	cr_assert_eq(symlink("../outside.xml", link), 0);
	snprintf(link, sizeof link, "%s/alias.xml", sub);
	cr_assert_eq(symlink("in.xml", link), 0);
	snprintf(link, sizeof link, "%s/up", sub);
	cr_assert_eq(symlink("..", link), 0);
	fd = open(sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	for (force = 0; force < 2; force++) {
		int f = am_open_beneath(fd, "in.xml", force);
		cr_expect_geq(f, 0, "plain file (fallback %d)", force);
		if (f >= 0)
			close(f);
		cr_expect_lt(am_open_beneath(fd, "out.xml", force), 0, "link out (fallback %d)",
		             force);
		cr_expect_lt(am_open_beneath(fd, "up/outside.xml", force), 0,
		             "folder link out (fallback %d)", force);
		cr_expect_lt(am_open_beneath(fd, "../outside.xml", force), 0, "..");
		cr_expect_lt(am_open_beneath(fd, "/etc/passwd", force), 0, "absolute");
		f = am_open_beneath(fd, "alias.xml", force);
		if (force)
			cr_expect_lt(f, 0, "the fallback follows no link");
		else if (f >= 0)
			close(f);
	}
	close(fd);
	free(in);
	free(outside);
}

Test(imports, broken_import_reports_its_own_errors)
{
	char *p;
	argmap_diags *d;

	ts_put(dir, "bad.xml", TS_HEAD "  <claim id=\"x\"><text>unclosed</claim>\n" TS_TAIL,
	       (size_t)-1);
	p = ts_write(dir, "main.xml", TS_HEAD "  <import href=\"bad.xml\"/>\n" TS_TAIL, (size_t)-1);
	d = ts_check_file(p, NULL);
	cr_expect_eq(ts_count(d, "AM010"), 1);
	cr_expect_eq(ts_count(d, "AM402"), 1);
	argmap_diags_free(d);
	free(p);
}

Test(imports, memory_loads_do_not_follow_imports)
{
	const char *xml = TS_HEAD "  <import href=\"lib.xml\"/>\n" TS_TAIL;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;

	cr_expect_eq(argmap_map_load_memory(&m, "mem.xml", xml, strlen(xml), NULL, d), 0);
	cr_expect_eq(ts_count(d, "AM402"), 1);
	cr_expect_eq(argmap_map_file_count(m), 1);
	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(limits, too_many_items)
{
	argmap_load_options o = ARGMAP_LOAD_OPTIONS_INIT;
	const char *xml = TS_HEAD "<actor id=\"a\" kind=\"person\" name=\"A\"/>\n"
	                          "<actor id=\"b\" kind=\"person\" name=\"B\"/>\n"
	                          "<actor id=\"c\" kind=\"person\" name=\"C\"/>\n" TS_TAIL;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;

	o.max_items = 2;
	cr_expect_eq(argmap_map_load_memory(&m, "mem.xml", xml, strlen(xml), &o, d), ARGMAP_ELIMIT);
	cr_expect_eq(ts_count(d, "AM501"), 1);
	cr_expect_eq(argmap_map_actor_count(m), 2);
	argmap_map_free(m);
	argmap_diags_free(d);
}

Test(limits, too_many_files)
{
	argmap_load_options o = ARGMAP_LOAD_OPTIONS_INIT;
	argmap_diags *d = argmap_diags_new();
	argmap_map *m = NULL;
	char *tmp = ts_tmpdir(), *p;

	ts_put(tmp, "b.xml", TS_HEAD "<import href=\"c.xml\"/>" TS_TAIL, (size_t)-1);
	ts_put(tmp, "c.xml", TS_HEAD TS_TAIL, (size_t)-1);
	p = ts_write(tmp, "a.xml", TS_HEAD "<import href=\"b.xml\"/>" TS_TAIL, (size_t)-1);
	o.max_files = 2;
	cr_expect_eq(argmap_map_load(&m, p, &o, d), ARGMAP_ELIMIT);
	cr_expect_eq(ts_count(d, "AM403"), 1);
	argmap_map_free(m);
	argmap_diags_free(d);
	ts_rmtree(tmp);
	free(tmp);
	free(p);
}
