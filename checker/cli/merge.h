/* pagelife merge -p DIR FILE...: the JSON Lines outputs of --shard runs,
 * combined into the output of one unsharded run. */
#ifndef PAGELIFE_MERGE_H
#define PAGELIFE_MERGE_H

/* argv[0] is "merge".  Returns the exit status: 0 no findings, 1 findings,
 * 2 usage or input error (as a run). */
int merge_main(int argc, char **argv);

#endif
