/* SIGINT, SIGTERM and SIGHUP held while review works, so that an
 * interrupted run removes its temporary worktree before it ends. */
#ifndef PAGELIFE_INTERRUPT_H
#define PAGELIFE_INTERRUPT_H

#include <signal.h>

/* Hold the signals in this thread and the threads it starts; *saved gets
 * the mask to give back. */
void interrupt_hold(sigset_t *saved);
/* One of them arrived and waits. */
int interrupt_pending(void);
/* Let them through again: a waiting one takes its default action now. */
void interrupt_release(const sigset_t *saved);
/* In a child before exec: let them through (git must stay interruptible). */
void interrupt_unhold(void);

#endif
