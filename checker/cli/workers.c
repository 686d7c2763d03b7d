/* A fresh process per TU rather than long-lived workers: the per-TU memory
 * budget is then the TU's own (no growth left over from earlier TUs), and
 * fork() of the parent, whose session is loaded, costs little. */
#include "workers.h"
#include "result_wire.h"
#include "util.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How often the parent looks at the workers' memory and clocks. */
#define POLL_MS 50

struct worker {
	pid_t pid;       /* 0: free */
	int fd;          /* read end of the result pipe */
	size_t job;
	double started;
	struct strbuf out;
	enum { RUNNING, OVER_MEMORY, OVER_TIME } killed_for; /* why the parent ended it */
};

struct job_state {
	int done;
	struct pagelife_result res;
	char *abandoned;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* In the child: analyse, send the result, leave without running the
 * parent's atexit handlers or flushing its stdio. */
static void child_main(struct pagelife_session *s, const struct pagelife_command *job, int fd)
{
	struct pagelife_result r;
	pagelife_analyse(s, job->file, (const char *const *)job->args, job->nargs, NULL, 0, &r);
	char *text = result_to_wire(&r);
	int bad = write_all(fd, text, strlen(text));
	_exit(bad ? 3 : 0);
}

static void start(struct worker *w, struct pagelife_session *s, const struct pagelife_commands *jobs, size_t job)
{
	int p[2];
	fflush(NULL);
	if (pipe(p)) {
		fprintf(stderr, "pagelife: cannot create a pipe: %s\n", strerror(errno));
		exit(2);
	}
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "pagelife: cannot start a worker process: %s\n", strerror(errno));
		exit(2);
	}
	if (pid == 0) {
		close(p[0]);
		child_main(s, &jobs->v[job], p[1]);
	}
	close(p[1]);
	w->pid = pid;
	w->fd = p[0];
	w->job = job;
	w->started = now();
	w->killed_for = RUNNING;
}

/* Resident memory of a process in bytes; 0 if unknown. */
static unsigned long long resident(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/statm", (int)pid);
	FILE *f = fopen(path, "r");
	unsigned long long size, rss = 0;
	if (f) {
		if (fscanf(f, "%llu %llu", &size, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return rss * (unsigned long long)sysconf(_SC_PAGESIZE);
}

static char *size_text(unsigned long long n)
{
	static const char *units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	size_t u = 0;
	while (u < 4 && n >= 1024 && n % 1024 == 0) {
		n /= 1024;
		u++;
	}
	return xasprintf("%llu %s", n, units[u]);
}

/* The worker's pipe is at its end: reap it and record what it gave. */
static void finish(struct worker *w, struct job_state *st, const struct worker_limits *lim)
{
	int status = 0;
	close(w->fd);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	struct job_state *js = &st[w->job];
	js->done = 1;
	if (w->killed_for == OVER_MEMORY) {
		char *sz = size_text(lim->memory);
		js->abandoned = xasprintf("exceeded the memory budget of %s", sz);
		free(sz);
	} else if (w->killed_for == OVER_TIME) {
		js->abandoned = xasprintf("exceeded the time budget of %u s", lim->timeout);
	} else if (WIFSIGNALED(status)) {
		const char *name = sigabbrev_np(WTERMSIG(status));
		js->abandoned = name ? xasprintf("crashed with SIG%s", name)
				     : xasprintf("crashed with signal %d", WTERMSIG(status));
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		js->abandoned = xasprintf("the worker exited with status %d", WEXITSTATUS(status));
	} else if (result_from_wire(w->out.buf ? w->out.buf : "", w->out.len, &js->res)) {
		js->abandoned = xstrdup("the worker sent a malformed result");
	}
	sb_free(&w->out);
	w->pid = 0;
}

static void read_from(struct worker *w, struct job_state *st, const struct worker_limits *lim)
{
	char buf[65536];
	ssize_t n = read(w->fd, buf, sizeof(buf));
	if (n < 0 && errno == EINTR)
		return;
	if (n <= 0) {
		finish(w, st, lim);
		return;
	}
	grow_array((void **)&w->out.buf, &w->out.cap, w->out.len + (size_t)n + 1, 1);
	memcpy(w->out.buf + w->out.len, buf, (size_t)n);
	w->out.len += (size_t)n;
	w->out.buf[w->out.len] = '\0';
}

/* Budgets: a worker over one is killed; its pipe then ends and finish()
 * names the budget. */
static void enforce(struct worker *w, const struct worker_limits *lim)
{
	if (!w->pid || w->killed_for)
		return;
	if (lim->timeout && now() - w->started > lim->timeout)
		w->killed_for = OVER_TIME;
	else if (lim->memory && resident(w->pid) > lim->memory)
		w->killed_for = OVER_MEMORY;
	if (w->killed_for)
		kill(w->pid, SIGKILL);
}

void workers_run(struct pagelife_session *s, const struct pagelife_commands *jobs, const struct worker_limits *lim,
		 worker_done_fn done, void *ctx)
{
	size_t nw = lim->jobs > 0 ? (size_t)lim->jobs : 1;
	if (nw > jobs->n)
		nw = jobs->n ? jobs->n : 1;
	struct worker *w = xcalloc(nw, sizeof(*w));
	struct job_state *st = xcalloc(jobs->n ? jobs->n : 1, sizeof(*st));
	struct pollfd *pfd = xcalloc(nw, sizeof(*pfd));
	size_t next = 0, emitted = 0;
	while (emitted < jobs->n) {
		size_t np = 0;
		for (size_t i = 0; i < nw; i++) {
			if (!w[i].pid && next < jobs->n)
				start(&w[i], s, jobs, next++);
			if (w[i].pid) {
				pfd[np].fd = w[i].fd;
				pfd[np].events = POLLIN;
				pfd[np].revents = 0;
				np++;
			}
		}
		if (np && poll(pfd, np, POLL_MS) < 0 && errno != EINTR) {
			fprintf(stderr, "pagelife: poll: %s\n", strerror(errno));
			exit(2);
		}
		for (size_t i = 0, k = 0; i < nw; i++) {
			if (!w[i].pid)
				continue;
			if (pfd[k++].revents)
				read_from(&w[i], st, lim);
			enforce(&w[i], lim);
		}
		/* print in list order as results arrive */
		while (emitted < jobs->n && st[emitted].done) {
			done(ctx, emitted, &st[emitted].res, st[emitted].abandoned);
			free(st[emitted].abandoned);
			emitted++;
		}
	}
	free(pfd);
	free(st);
	free(w);
}
