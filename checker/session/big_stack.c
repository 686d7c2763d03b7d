#include "big_stack.h"

#include <pthread.h>
#include <stdlib.h>

struct call {
	void (*fn)(void *);
	void *arg;
};

static void *trampoline(void *data)
{
	struct call *c = data;
	c->fn(c->arg);
	return NULL;
}

void run_on_big_stack(void (*fn)(void *), void *arg)
{
	/* PAGELIFE_NO_BIG_STACK: stay on the caller's thread.  For ASan runs of
	 * the language server: ASan's runtime aborts tearing down a thread on
	 * which libclang built a precompiled preamble (docs/design.md). */
	const char *off = getenv("PAGELIFE_NO_BIG_STACK");
	if (off && *off && *off != '0') {
		fn(arg);
		return;
	}
	struct call c = { fn, arg };
	pthread_attr_t attr;
	pthread_t th;
	int ok = pthread_attr_init(&attr) == 0;
	if (ok && pthread_attr_setstacksize(&attr, PL_BIG_STACK_SIZE) == 0 &&
	    pthread_create(&th, &attr, trampoline, &c) == 0) {
		pthread_join(th, NULL);
	} else {
		fn(arg); /* address space too tight for the reserve: the ordinary stack */
	}
	if (ok)
		pthread_attr_destroy(&attr);
}
