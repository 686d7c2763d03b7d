/* A pool of -j worker processes, forked from the parent once its session
 * is loaded; a worker that dies (a crash, or killed over a budget) costs
 * the TU it had and is replaced by a fresh one.  Jobs go to a worker as an
 * index, results come back as one JSON text (result_json.h), over one
 * socket pair per worker. */
#include "workers.h"
#include "result_json.h"
#include "util.h"

#include <errno.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How often the parent looks at the workers' memory and clocks. */
#define POLL_MS 50

struct worker {
	pid_t pid;       /* 0: none yet, or died */
	int fd;          /* the parent's end of the socket pair */
	int busy;
	size_t job;
	double started;
	struct strbuf out; /* 8 bytes of length, then the JSON text */
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

static int write_all(int fd, const void *data, size_t n)
{
	const char *p = data;
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int read_all(int fd, void *data, size_t n)
{
	char *p = data;
	while (n) {
		ssize_t r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/* In the worker: analyse each job index the parent sends until it closes
 * the socket; leave without running the parent's atexit handlers or
 * flushing its stdio. */
static void worker_main(struct pagelife_session *s, const struct pagelife_commands *jobs, int fd)
{
	uint64_t job;
	while (read_all(fd, &job, sizeof(job)) == 0 && job < jobs->n) {
		const struct pagelife_command *c = &jobs->v[job];
		struct pagelife_result r;
		pagelife_analyse(s, c->file, (const char *const *)c->args, c->nargs, NULL, 0, &r);
		char *text = result_to_text(&r);
		pagelife_result_free(&r);
		uint64_t len = strlen(text);
		int bad = write_all(fd, &len, sizeof(len)) || write_all(fd, text, len);
		free(text);
		if (bad)
			_exit(3);
		malloc_trim(0); /* the next TU's memory budget starts from what is live */
	}
	_exit(0);
}

static void spawn(struct worker *w, size_t nw, size_t self, struct pagelife_session *s,
		  const struct pagelife_commands *jobs)
{
	int sv[2];
	fflush(NULL);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) {
		fprintf(stderr, "pagelife: cannot create a socket pair: %s\n", strerror(errno));
		exit(2);
	}
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "pagelife: cannot start a worker process: %s\n", strerror(errno));
		exit(2);
	}
	if (pid == 0) {
		/* the other workers' sockets: held here, they would never see EOF */
		for (size_t i = 0; i < nw; i++)
			if (i != self && w[i].pid)
				close(w[i].fd);
		close(sv[0]);
		worker_main(s, jobs, sv[1]);
	}
	close(sv[1]);
	memset(&w[self], 0, sizeof(w[self]));
	w[self].pid = pid;
	w[self].fd = sv[0];
}

static void assign(struct worker *w, size_t job)
{
	uint64_t j = job;
	w->busy = 1;
	w->job = job;
	w->started = now();
	w->killed_for = RUNNING;
	w->out.len = 0;
	if (write_all(w->fd, &j, sizeof(j)))
		kill(w->pid, SIGKILL); /* it is gone already; the read side reports it */
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

/* The worker's socket ended with a job unfinished: reap it, record why. */
static void died(struct worker *w, struct job_state *st, const struct worker_limits *lim)
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
	} else {
		js->abandoned = xasprintf("the worker exited with status %d", WEXITSTATUS(status));
	}
	sb_free(&w->out);
	w->pid = 0;
	w->busy = 0;
}

/* A whole result has arrived: the worker is free again. */
static void received(struct worker *w, struct job_state *st, const struct worker_limits *lim)
{
	uint64_t len;
	memcpy(&len, w->out.buf, sizeof(len));
	struct job_state *js = &st[w->job];
	if (result_from_text(w->out.buf + sizeof(len), (size_t)len, &js->res)) {
		kill(w->pid, SIGKILL); /* confused: replace it */
		died(w, st, lim);
		free(js->abandoned);
		js->abandoned = xstrdup("the worker sent a malformed result");
		return;
	}
	js->done = 1;
	w->busy = 0;
	w->out.len = 0;
}

static void read_from(struct worker *w, struct job_state *st, const struct worker_limits *lim)
{
	char buf[65536];
	ssize_t n = read(w->fd, buf, sizeof(buf));
	if (n < 0 && errno == EINTR)
		return;
	if (n <= 0) {
		died(w, st, lim);
		return;
	}
	grow_array((void **)&w->out.buf, &w->out.cap, w->out.len + (size_t)n + 1, 1);
	memcpy(w->out.buf + w->out.len, buf, (size_t)n);
	w->out.len += (size_t)n;
	uint64_t len;
	if (w->out.len >= sizeof(len)) {
		memcpy(&len, w->out.buf, sizeof(len));
		if (w->out.len >= sizeof(len) + len)
			received(w, st, lim);
	}
}

/* Budgets: a worker over one is killed; its socket then ends and died()
 * names the budget. */
static void enforce(struct worker *w, const struct worker_limits *lim)
{
	if (!w->pid || !w->busy || w->killed_for)
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
			if (!w[i].busy && next < jobs->n) {
				if (!w[i].pid)
					spawn(w, nw, i, s, jobs);
				assign(&w[i], next++);
			}
			if (w[i].busy) {
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
			if (!w[i].busy)
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
	/* no more jobs: each worker reads EOF and exits */
	for (size_t i = 0; i < nw; i++) {
		if (!w[i].pid)
			continue;
		close(w[i].fd);
		while (waitpid(w[i].pid, NULL, 0) < 0 && errno == EINTR)
			;
		sb_free(&w[i].out);
	}
	free(pfd);
	free(st);
	free(w);
}
