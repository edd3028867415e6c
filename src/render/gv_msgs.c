/*
 * gv_msgs.c - Graphviz's own messages (agerr) captured through agseterrf
 * and turned into diagnostics: lines starting "Error: " become AM704
 * errors, "Warning: " AM705 warnings; continuation lines join the previous
 * message. The hook is global in Graphviz, so this is not thread-safe.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "render/gv_msgs.h"
#include "util/buf.h"

static agusererrf old_hook;
static am_buf captured; /* what Graphviz said since the last flush */

static int capture(char *msg)
{
	am_buf_puts(&captured, msg);
	return 0;
}

/* Hands one captured Graphviz message to the sink as AM704 (error) or
 * AM705 (warning) and empties the buffer. */
static void flush_message(am_sink *sink, am_buf *msg, int is_error)
{
	char *m;

	if (!msg->len)
		return;
	m = am_buf_detach(msg);
	if (m)
		sink->diag(
		    sink, is_error ? ARGMAP_SEV_ERROR : ARGMAP_SEV_WARNING,
		    is_error ? "AM704" : "AM705", m,
		    is_error ? "this is a bug in argmap or Graphviz: please report it with the map"
		             : NULL);
	free(m);
}

int am_gv_msgs_flush(am_sink *sink, const char *during)
{
	char *text = am_buf_detach(&captured), *line, *next;
	am_buf msg = {0};
	int errors = 0, cur_err = 0;

	if (!text)
		return 0;
	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!*line)
			continue;
		if (!strncmp(line, "Error: ", 7) || !strncmp(line, "Warning: ", 9)) {
			flush_message(sink, &msg, cur_err);
			cur_err = line[0] == 'E';
			errors += cur_err;
			am_buf_printf(&msg, "Graphviz %s %s: %s", cur_err ? "failed" : "warned",
			              during, line + (cur_err ? 7 : 9));
		} else {
			if (!msg.len)
				am_buf_printf(&msg, "Graphviz warned %s:", during);
			am_buf_printf(&msg, " %s", line);
		}
	}
	flush_message(sink, &msg, cur_err);
	am_buf_free(&msg);
	free(text);
	return errors;
}

int am_gv_msgs_failed(am_sink *sink, const char *during)
{
	int said = am_gv_msgs_flush(sink, during);
	int counted = agerrors();

	if (!said && counted) {
		char msg[512];
		char *last = aglasterr();
		snprintf(msg, sizeof msg, "Graphviz reported %d error%s %s%s%s", counted,
		         counted == 1 ? "" : "s", during, last ? ": " : "", last ? last : "");
		free(last);
		sink->diag(sink, ARGMAP_SEV_ERROR, "AM704", msg, NULL);
	}
	return said || counted;
}

void am_gv_msgs_begin(void)
{
	am_buf_free(&captured);
	old_hook = agseterrf(capture);
	agseterr(AGWARN);
	agreseterrors();
}

void am_gv_msgs_end(am_sink *sink)
{
	am_gv_msgs_flush(sink, "while cleaning up");
	agseterrf(old_hook);
	agreseterrors();
	am_buf_free(&captured);
}
