/* Running parse and analysis on a thread with a large stack: lowering and
 * clang's visitors recurse once per nesting level of an expression, and
 * clang accepts chains of 100,000 operators.  Clang does the same. */
#ifndef PAGELIFE_BIG_STACK_H
#define PAGELIFE_BIG_STACK_H

/* Address space reserved for the stack; pages are only used as touched. */
#define PL_BIG_STACK_SIZE ((size_t)512 << 20)

/* Run fn(arg) on a thread with PL_BIG_STACK_SIZE of stack and wait for it;
 * in the calling thread if no such thread can be made. */
void run_on_big_stack(void (*fn)(void *), void *arg);

#endif
