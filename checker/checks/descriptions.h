/* One paragraph per check, by id (NULL for an unknown id). */
#ifndef PAGELIFE_DESCRIPTIONS_H
#define PAGELIFE_DESCRIPTIONS_H

const char *check_description(const char *id);

#endif
