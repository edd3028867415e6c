/*
 * cmd_new.c - `argmap new FILE`: a commented starter map that passes
 * `argmap check`, to edit into a debate.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char starter[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!--\n"
    "  A new argument map. Replace the examples below with your debate; keep\n"
    "  `argmap check THIS-FILE` clean as you go (docs/format.md describes every\n"
    "  element, docs/editing.md how to map an article step by step).\n"
    "-->\n"
    "<argmap xmlns=\"urn:argmap:1\" version=\"1\" xml:lang=\"en\">\n"
    "  <meta>\n"
    "    <title>Should the town library open on Sundays?</title>\n"
    "    <editor>Your Name</editor>\n"
    "    <date>2026-01-01</date>\n"
    "  </meta>\n"
    "\n"
    "  <!-- Sources: where the arguments are made. textfile= names the full\n"
    "       text for quote verification (argmap check with the sources option). -->\n"
    "  <source id=\"src-letter\" kind=\"statement\" date=\"2026-01-01\" authors=\"friends\">\n"
    "    <title>Letter to the council about Sunday opening</title>\n"
    "  </source>\n"
    "\n"
    "  <!-- Actors: who holds a position (person, organisation, government, group). -->\n"
    "  <actor id=\"friends\" kind=\"group\" name=\"Friends of the Library\"/>\n"
    "\n"
    "  <!-- The question the debate answers. -->\n"
    "  <question id=\"q-sunday\" source=\"src-letter\">\n"
    "    <text>Should the town library open on Sundays?</text>\n"
    "  </question>\n"
    "\n"
    "  <!-- Claims: one sentence each, attributed with by= and source=. -->\n"
    "  <claim id=\"c-open\" by=\"friends\" source=\"src-letter\">\n"
    "    <text>The library should open on Sundays.</text>\n"
    "  </claim>\n"
    "  <claim id=\"c-workers\" by=\"friends\" source=\"src-letter\">\n"
    "    <text>Many people who work during the week can only visit at the weekend.</text>\n"
    "  </claim>\n"
    "\n"
    "  <!-- Evidence: a verbatim quote from one source, and who is quoted. -->\n"
    "  <evidence id=\"ev-letter\" source=\"src-letter\" speaker=\"friends\" locator=\"para. 1\">\n"
    "    <quote>Most of our members work on Saturdays.</quote>\n"
    "  </evidence>\n"
    "\n"
    "  <!-- Relations: answer (a claim answers the question, with a stance),\n"
    "       support and rebut (from one or more premises to a claim), undercut\n"
    "       (an attack on a support). -->\n"
    "  <answer from=\"c-open\" to=\"q-sunday\" stance=\"yes\" by=\"friends\" "
    "source=\"src-letter\"/>\n"
    "  <support from=\"c-workers\" to=\"c-open\" by=\"friends\" source=\"src-letter\"/>\n"
    "  <support from=\"ev-letter\" to=\"c-workers\"/>\n"
    "</argmap>\n";

int cli_new(int argc, char **argv)
{
	const char *path;
	size_t len = sizeof starter - 1, done = 0;
	int fd;

	if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs("Usage: argmap new FILE\n"
		      "\n"
		      "Write a new map to FILE: a small commented example (a question, claims,\n"
		      "evidence, a source, an actor and the relations between them) that passes\n"
		      "`argmap check`, to edit into your debate. An existing FILE is never\n"
		      "replaced.\n",
		      stdout);
		cli_flush_stdout();
		return CLI_OK;
	}
	if (argc != 2 || argv[1][0] == '-') {
		fputs(argc < 2 ? "argmap new: no file given\n" : "argmap new: give one FILE\n",
		      stderr);
		fputs("Try 'argmap new --help'.\n", stderr);
		return CLI_USAGE;
	}
	path = argv[1];
	/* O_EXCL: never replaces a file, even one created a moment ago */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0) {
		fprintf(stderr, "argmap new: %s: %s\n", path,
		        errno == EEXIST ? "exists already; not replaced" : strerror(errno));
		return CLI_IO;
	}
	while (done < len) {
		ssize_t n = write(fd, starter + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(stderr, "argmap new: %s: %s\n", path,
			        n < 0 ? strerror(errno) : "cannot write");
			close(fd);
			unlink(path); /* nothing half-written is left */
			return CLI_IO;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		fprintf(stderr, "argmap new: %s: %s\n", path, strerror(errno));
		unlink(path);
		return CLI_IO;
	}
	fprintf(stderr, "argmap: wrote %s; check it with: argmap check %s\n", path, path);
	return CLI_OK;
}
