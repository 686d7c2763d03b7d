/* `pagelife review`: the findings each patch of a series adds and removes.
 * docs/review.md describes it. */
#ifndef PAGELIFE_REVIEW_H
#define PAGELIFE_REVIEW_H

/* argv[0] is "review".  Returns the exit status (docs/review.md). */
int review_main(int argc, char **argv);

#endif
