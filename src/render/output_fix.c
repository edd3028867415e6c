/*
 * output_fix.c - what argmap changes in Graphviz's output bytes: the PDF
 * creation date (so that PDFs are reproducible). The SVG's additions are
 * svg_finish.c. Used by gv_run.c; tested on its own.
 */
#include <string.h>

#include "render/output_fix.h"

void am_pdf_fix_date(char *pdf, size_t len, const char *date)
{
	static const char key[] = "/CreationDate (D:";
	const size_t klen = sizeof key - 1;
	char stamp[15] = "20000101000000";
	size_t i, k;

	if (date && strlen(date) >= 10 && date[4] == '-' && date[7] == '-') {
		/* stamp is 8 digits, not a string */
		memcpy(stamp, date, 4);
		memcpy(stamp + 4, date + 5, 2);
		memcpy(stamp + 6, date + 8, 2);
		for (k = 0; k < 8; k++)
			if (stamp[k] < '0' || stamp[k] > '9') {
				/* 8 digits, not a string: no NUL wanted */
				/* NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
				memcpy(stamp, "20000101", 8);
				break;
			}
	}
	for (i = 0; i + klen + 14 <= len; i++) {
		if (pdf[i] != '/' || memcmp(pdf + i, key, klen) != 0)
			continue;
		/* same length: the cross-reference offsets stay right */
		for (k = 0; k < 14 && pdf[i + klen + k] >= '0' && pdf[i + klen + k] <= '9'; k++)
			pdf[i + klen + k] = stamp[k];
		i += klen;
	}
}
