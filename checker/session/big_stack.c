#include "big_stack.h"

#include <pthread.h>

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
