/*
 * run.h - the two ways to run a job: in this process (gv_run.c, which
 * includes Graphviz) or in a contained child (contain.c, which forks and
 * calls am_gv_run there). Neither keeps anything of the job.
 */
#ifndef AM_RENDER_RUN_H
#define AM_RENDER_RUN_H

#include <stddef.h>

#include "render/job.h"
#include "util/buf.h"

/* Builds the graph, lays it out and renders it; reports through `sink`.
 * Returns 0, ARGMAP_ERENDER (an error diagnostic was sent), ARGMAP_ENOMEM.
 * Runs Graphviz in this process: call it in the contained child, or with
 * in_process set. Not thread-safe (Graphviz's error hook is global). */
int am_gv_run(const am_job *job, am_sink *sink);

/* Runs am_gv_run in a forked child with the limits; collects what it
 * reports into `diags` (naming job->file) and `out` (caller-owned, replaced
 * on success, emptied on failure). Returns like am_gv_run. time_limit <= 0:
 * none; mem_limit 0: none. */
int am_contain_run(const am_job *job, double time_limit, size_t mem_limit, argmap_diags *diags,
                   am_buf *out);

#endif
