/* pfn_to_page() as the kernel expands it: memmap arithmetic, with no call
 * and no token of its own left when the invocation sits inside another
 * macro's definition (pfn_to_nid() of mmzone.h). */
#ifndef PAGELIFE_MEMMAP_H
#define PAGELIFE_MEMMAP_H

#include <clang-c/Index.h>

/* Is e `memmap base + pfn`?  Sets *pfn to the pfn operand.  Bases: the
 * SPARSEMEM_VMEMMAP one, (struct page *)vmemmap_base (an integer global cast
 * to struct page *), and FLATMEM's global mem_map. */
int memmap_pfn_to_page(CXCursor e, CXCursor *pfn);

#endif
