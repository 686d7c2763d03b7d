#include "git_run.h"
#include "interrupt.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void child(const char *repo, const char *const *args, int outfd, int quiet)
{
	size_t n = 0;
	while (args[n])
		n++;
	const char **argv = xcalloc(n + 4, sizeof(*argv));
	argv[0] = "git";
	argv[1] = "-C";
	argv[2] = repo;
	memcpy(argv + 3, args, n * sizeof(*argv));
	if (outfd >= 0)
		dup2(outfd, STDOUT_FILENO);
	else
		dup2(STDERR_FILENO, STDOUT_FILENO); /* never mix git's chatter into our report */
	if (quiet) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDERR_FILENO);
	}
	interrupt_unhold();
	execvp("git", (char *const *)argv);
	_exit(127);
}

int git_run(const char *repo, const char *const *args, char **out, int quiet)
{
	int fds[2] = { -1, -1 };
	if (out && pipe(fds))
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		if (out) {
			close(fds[0]);
			close(fds[1]);
		}
		return -1;
	}
	if (pid == 0) {
		if (out)
			close(fds[0]);
		child(repo, args, out ? fds[1] : -1, quiet);
	}
	struct strbuf sb = { 0 };
	if (out) {
		close(fds[1]);
		char buf[8192];
		ssize_t got;
		while ((got = read(fds[0], buf, sizeof(buf))) != 0) {
			if (got < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			grow_array((void **)&sb.buf, &sb.cap, sb.len + (size_t)got + 1, 1);
			memcpy(sb.buf + sb.len, buf, (size_t)got);
			sb.len += (size_t)got;
			sb.buf[sb.len] = 0;
		}
		close(fds[0]);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			sb_free(&sb);
			return -1;
		}
	if (out)
		*out = sb_take(&sb);
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

char *git_line(const char *repo, const char *const *args)
{
	char *out = NULL;
	if (git_run(repo, args, &out, 1)) {
		free(out);
		return NULL;
	}
	size_t n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = 0;
	return out;
}
