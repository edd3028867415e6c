#include <stdio.h>

#include "util/am_internal.h"

static _Thread_local char last_error[512];

const char *argmap_error_last(void)
{
	return last_error;
}

int am_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
	return status;
}

const char *argmap_version(void)
{
	return ARGMAP_VERSION_STRING;
}
