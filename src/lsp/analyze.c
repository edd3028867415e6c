/*
 * analyze.c - one document through the loader and the checks, and the
 * worker thread that does it off the main thread (lsp.h).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lsp/lsp.h"

struct am_lsp_worker {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	am_lsp_job **jobs; /* waiting, oldest first */
	size_t njobs, capjobs;
	am_lsp_result *done, *done_tail;
	int pipe[2]; /* the worker writes a byte per result */
	int stop;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void am_lsp_job_free(am_lsp_job *job)
{
	if (!job)
		return;
	free(job->uri);
	free(job->path);
	free(job->sources);
	am_text_free(&job->text);
	free(job);
}

void am_lsp_result_free(am_lsp_result *res)
{
	if (!res)
		return;
	free(res->uri);
	argmap_map_free(res->map);
	argmap_diags_free(res->diags);
	am_text_free(&res->text);
	free(res);
}

void am_lsp_analyze(am_lsp_job *job, am_lsp_result *res)
{
	const char *data = job->text.s ? job->text.s : "";
	double t0 = now();
	argmap_map *map = NULL;

	res->uri = job->uri;
	job->uri = NULL;
	res->version = job->version;
	res->text = job->text;
	memset(&job->text, 0, sizeof job->text);
	res->diags = argmap_diags_new();
	if (!res->diags)
		return;
	/* A map outside the workspace (or not a file) is read alone: its
	 * imports are reported, never followed. */
	if (job->path && job->in_workspace)
		argmap_map_load_text(&map, job->path, data, res->text.len, NULL, res->diags);
	else
		argmap_map_load_memory(&map, job->path ? job->path : res->uri, data, res->text.len,
		                       NULL, res->diags);
	if (map) {
		argmap_check_options o = ARGMAP_CHECK_OPTIONS_INIT;
		o.quote_texts_dir = job->in_workspace ? job->sources : NULL;
		argmap_check(map, &o, res->diags);
	}
	argmap_diags_sort(res->diags);
	res->map = map;
	res->seconds = now() - t0;
}

static void *worker_main(void *arg)
{
	am_lsp_worker *w = arg;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		am_lsp_job *job;
		am_lsp_result *res;
		while (!w->stop && !w->njobs)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->stop)
			break;
		job = w->jobs[0];
		memmove(w->jobs, w->jobs + 1, (w->njobs - 1) * sizeof *w->jobs);
		w->njobs--;
		pthread_mutex_unlock(&w->mu);
		res = calloc(1, sizeof *res);
		if (res)
			am_lsp_analyze(job, res);
		am_lsp_job_free(job);
		pthread_mutex_lock(&w->mu);
		if (res) {
			if (w->done_tail)
				w->done_tail->next = res;
			else
				w->done = res;
			w->done_tail = res;
			if (write(w->pipe[1], "r", 1) < 0) {
				/* the pipe is full: the main loop has bytes to read anyway */
			}
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

am_lsp_worker *am_lsp_worker_start(void)
{
	am_lsp_worker *w = calloc(1, sizeof *w);

	if (!w)
		return NULL;
	if (pipe(w->pipe) < 0) {
		free(w);
		return NULL;
	}
	fcntl(w->pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(w->pipe[1], F_SETFL, O_NONBLOCK);
	fcntl(w->pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(w->pipe[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		close(w->pipe[0]);
		close(w->pipe[1]);
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->cv);
		free(w);
		return NULL;
	}
	return w;
}

int am_lsp_worker_submit(am_lsp_worker *w, am_lsp_job *job)
{
	size_t i;
	int rc = 0;

	pthread_mutex_lock(&w->mu);
	for (i = 0; i < w->njobs; i++)
		if (strcmp(w->jobs[i]->uri, job->uri) == 0)
			break;
	if (i < w->njobs) {
		am_lsp_job_free(w->jobs[i]);
		w->jobs[i] = job;
	} else {
		if (w->njobs == w->capjobs) {
			size_t cap = w->capjobs * 2 + 4;
			am_lsp_job **j = realloc(w->jobs, cap * sizeof *j);
			if (j) {
				w->jobs = j;
				w->capjobs = cap;
			}
		}
		if (w->njobs < w->capjobs) {
			w->jobs[w->njobs++] = job;
		} else {
			am_lsp_job_free(job);
			rc = -1;
		}
	}
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return rc;
}

am_lsp_result *am_lsp_worker_take(am_lsp_worker *w)
{
	am_lsp_result *r;
	char drain[64];

	while (read(w->pipe[0], drain, sizeof drain) > 0) {
	}
	pthread_mutex_lock(&w->mu);
	r = w->done;
	if (r) {
		w->done = r->next;
		if (!w->done)
			w->done_tail = NULL;
		r->next = NULL;
	}
	pthread_mutex_unlock(&w->mu);
	return r;
}

int am_lsp_worker_fd(const am_lsp_worker *w)
{
	return w->pipe[0];
}

void am_lsp_worker_stop(am_lsp_worker *w)
{
	size_t i;

	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	for (i = 0; i < w->njobs; i++)
		am_lsp_job_free(w->jobs[i]);
	free(w->jobs);
	while (w->done) {
		am_lsp_result *n = w->done->next;
		am_lsp_result_free(w->done);
		w->done = n;
	}
	close(w->pipe[0]);
	close(w->pipe[1]);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
}
