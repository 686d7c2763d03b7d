/* pagelife summarise: the first pass of cross-TU analysis.  Summarises the
 * non-static functions of every TU whose inputs changed into the summary
 * database (summary_db.h); `pagelife summarise merge` combines shards'. */
#ifndef PAGELIFE_SUMMARISE_H
#define PAGELIFE_SUMMARISE_H

/* argv[0] is "summarise".  Returns the exit status: 0, or 2 (usage, a
 * database error, a TU abandoned). */
int summarise_main(int argc, char **argv);

#endif
