/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: NUMA node iteration (for-loop macros over helpers). */
#ifndef _LINUX_NODEMASK_H
#define _LINUX_NODEMASK_H

#define MAX_NUMNODES	64
#define NUMA_NO_NODE	(-1)

extern int first_online_node_id(void);
extern int next_online_node(int nid);
extern bool node_online(int nid);

#define first_online_node	first_online_node_id()

#define for_each_online_node(node)					\
	for ((node) = first_online_node;				\
	     (node) < MAX_NUMNODES;					\
	     (node) = next_online_node(node))

#endif /* _LINUX_NODEMASK_H */
