#include "interrupt.h"

#include <pthread.h>

static void held_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGHUP);
}

void interrupt_hold(sigset_t *saved)
{
	sigset_t set;
	held_set(&set);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

int interrupt_pending(void)
{
	sigset_t pending;
	sigpending(&pending);
	return sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1 ||
	       sigismember(&pending, SIGHUP) == 1;
}

void interrupt_release(const sigset_t *saved)
{
	pthread_sigmask(SIG_SETMASK, saved, NULL);
}

void interrupt_unhold(void)
{
	sigset_t set;
	held_set(&set);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}
