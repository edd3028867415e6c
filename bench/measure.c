/*
 * measure.c - run a command K times and report its median wall time and
 * peak resident memory, for the benchmark (bench/run.sh). Not part of argmap.
 *
 *   measure [-n K] [-t SECONDS] [-o FILE] [-i FILE] -- COMMAND [ARG...]
 *
 *   -n K        runs (default 1)
 *   -t SECONDS  wall-clock limit per run (default 0: none); a run over it is
 *               killed (SIGKILL to its whole process group) and reported
 *   -o FILE     the command's stdout goes to FILE (default /dev/null)
 *   -i FILE     the command's stdin comes from FILE (default /dev/null)
 *
 * The command's stderr is passed through. Prints one line on stdout:
 *
 *   status=ok runs=K median_s=0.1234 min_s=0.1200 max_s=0.1300 cpu_s=0.1180 maxrss_kib=12345 exit=0
 *
 * status is ok (every run exited 0), fail (a run exited non-zero or was
 * killed by a signal; measuring stops there), timeout (a run hit -t) or
 * error (the command could not be started). maxrss_kib is the largest
 * ru_maxrss of any run, from wait4(); Linux counts in it the peak of the
 * command and of every descendant it waited for (so argmap's Graphviz child
 * is included). Wall time comes from CLOCK_MONOTONIC around fork..wait4;
 * cpu_s is the median user + system CPU time of the runs (children waited
 * for included), which a busy machine disturbs less than wall time.
 * Exit status: 0 when status=ok, 1 otherwise, 2 usage.
 */
#define _GNU_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;
static volatile pid_t child_pgid;

/* Kill the command's whole process group right here: kill() is
 * async-signal-safe, and there is no window in which wait4 could miss it. */
static void on_alarm(int sig)
{
	(void)sig;
	timed_out = 1;
	if (child_pgid > 0)
		kill(-child_pgid, SIGKILL);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void usage(FILE *out)
{
	fputs("Usage: measure [-n K] [-t SECONDS] [-o FILE] [-i FILE] -- COMMAND [ARG...]\n"
	      "Run COMMAND K times; print its median wall time and peak RSS.\n",
	      out);
}

/* Run argv once. Returns 0 and fills *wall, *rss_kib, *status (wait status)
 * when the command ran (whatever its exit code); -1 if it could not start;
 * 1 on timeout. */
static int run_once(char **argv, const char *in, const char *out, double limit, double *wall,
                    double *cpu, long *rss_kib, int *status)
{
	struct rusage ru;
	struct sigaction sa;
	struct itimerval it;
	int errpipe[2], err = 0;
	double t0;
	pid_t pid, w;
	ssize_t got;

	if (pipe(errpipe) != 0) {
		perror("measure: pipe");
		return -1;
	}
	fcntl(errpipe[1], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	t0 = now_s();
	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		close(errpipe[0]);
		close(errpipe[1]);
		return -1;
	}
	if (pid == 0) {
		int fi, fo;

		setpgid(0, 0); /* its own group, so a timeout kills its children too */
		close(errpipe[0]);
		fi = open(in, O_RDONLY);
		fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fi < 0 || fo < 0 || dup2(fi, 0) < 0 || dup2(fo, 1) < 0) {
			err = errno;
		} else {
			close(fi);
			close(fo);
			execvp(argv[0], argv);
			err = errno;
		}
		if (write(errpipe[1], &err, sizeof err) < 0) {
			/* nothing more to say */
		}
		_exit(127);
	}
	setpgid(pid, pid); /* also here: no race with the child's own call */
	close(errpipe[1]);

	timed_out = 0;
	child_pgid = pid;
	if (limit > 0) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_alarm; /* no SA_RESTART: wait4 returns EINTR */
		sigaction(SIGALRM, &sa, NULL);
		memset(&it, 0, sizeof it);
		it.it_value.tv_sec = (time_t)limit;
		it.it_value.tv_usec = (suseconds_t)((limit - (double)(time_t)limit) * 1e6);
		if (it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0)
			it.it_value.tv_usec = 1;
		setitimer(ITIMER_REAL, &it, NULL);
	}
	for (;;) {
		w = wait4(pid, status, 0, &ru);
		if (w == pid)
			break;
		if (w < 0 && errno == EINTR)
			continue;
		perror("measure: wait4");
		return -1;
	}
	*wall = now_s() - t0;
	if (limit > 0) {
		memset(&it, 0, sizeof it);
		setitimer(ITIMER_REAL, &it, NULL);
	}
	child_pgid = 0;
	if (timed_out)
		kill(-pid, SIGKILL); /* any grandchild left behind */
	got = read(errpipe[0], &err, sizeof err);
	close(errpipe[0]);
	if (got == (ssize_t)sizeof err) {
		fprintf(stderr, "measure: cannot run '%s': %s\n", argv[0], strerror(err));
		return -1;
	}
	*rss_kib = ru.ru_maxrss;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return timed_out ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	double limit = 0, *walls, *cpus, median, cpu_median;
	long runs = 1, i, done = 0, maxrss = 0;
	int opt, status = 0, rc = 0;
	char *end;

	while ((opt = getopt(argc, argv, "+n:t:o:i:h")) != -1) {
		switch (opt) {
		case 'n':
			runs = strtol(optarg, &end, 10);
			if (*end || runs < 1 || runs > 1000) {
				fputs("measure: -n takes 1..1000\n", stderr);
				return 2;
			}
			break;
		case 't':
			limit = strtod(optarg, &end);
			if (*end || limit < 0) {
				fputs("measure: -t takes a number of seconds\n", stderr);
				return 2;
			}
			break;
		case 'o': out = optarg; break;
		case 'i': in = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	walls = calloc((size_t)runs, sizeof *walls);
	cpus = calloc((size_t)runs, sizeof *cpus);
	if (!walls || !cpus) {
		fputs("measure: out of memory\n", stderr);
		return 2;
	}
	for (i = 0; i < runs; i++) {
		double wall = 0, cpu = 0;
		long rss = 0;

		rc = run_once(argv + optind, in, out, limit, &wall, &cpu, &rss, &status);
		if (rc < 0) {
			printf("status=error runs=%ld\n", done);
			free(walls);
			free(cpus);
			return 1;
		}
		cpus[done] = cpu;
		if (rss > maxrss)
			maxrss = rss;
		walls[done++] = wall;
		if (rc == 1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			break;
	}
	qsort(walls, (size_t)done, sizeof *walls, cmp_double);
	qsort(cpus, (size_t)done, sizeof *cpus, cmp_double);
	median = done % 2 ? walls[done / 2] : (walls[done / 2 - 1] + walls[done / 2]) / 2;
	cpu_median = done % 2 ? cpus[done / 2] : (cpus[done / 2 - 1] + cpus[done / 2]) / 2;
	printf("status=%s runs=%ld median_s=%.4f min_s=%.4f max_s=%.4f cpu_s=%.4f maxrss_kib=%ld",
	       rc == 1                                                  ? "timeout"
	       : WIFEXITED(status) && WEXITSTATUS(status) == 0         ? "ok"
	                                                               : "fail",
	       done, median, walls[0], walls[done - 1], cpu_median, maxrss);
	if (WIFEXITED(status))
		printf(" exit=%d\n", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf(" signal=%d\n", WTERMSIG(status));
	else
		putchar('\n');
	free(walls);
	free(cpus);
	return rc == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
