// SPDX-License-Identifier: GPL-2.0
/*
 * symbolize.c - name the fixture function that made a kernel API call.
 *
 * Kernel-named functions cannot take __FILE__/__LINE__ (a renaming macro
 * would hide the kernel name from the checker), so the model keeps the
 * return address and names it here: first from the ELF .symtab of the
 * object containing it (which also names static functions, as fixtures
 * usually are), then from dladdr() (dynamic symbols, hence -rdynamic).
 * file:line comes from addr2line(1) when it is installed.
 *
 * The parsed symbol tables are a process-wide cache: read-only once
 * loaded, guarded by a mutex while loading; they describe the executable,
 * not any machine.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rt_internal.h"

struct rt_sym { uintptr_t value, size; const char *name; };
struct rt_symtab {
	const void *fbase;
	bool pie;
	struct rt_sym *syms;
	size_t n;
};

#define RT_SYMTABS 16
static struct {
	pthread_mutex_t lock;
	struct rt_symtab tabs[RT_SYMTABS];
	int n;
} symcache = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int sym_cmp(const void *a, const void *b)
{
	const struct rt_sym *x = a, *y = b;
	return x->value < y->value ? -1 : x->value > y->value;
}

/* Load FUNC symbols of an ELF64 file; the mapping stays for the process. */
static void load_symtab(struct rt_symtab *t, const char *path)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0)
		return;
	if (fstat(fd, &st) || (size_t)st.st_size < sizeof(Elf64_Ehdr)) {
		close(fd);
		return;
	}
	const unsigned char *img = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (img == MAP_FAILED)
		return;
	const Elf64_Ehdr *eh = (const void *)img;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) > (size_t)st.st_size)
		return;
	t->pie = eh->e_type == ET_DYN;
	const Elf64_Shdr *sh = (const void *)(img + eh->e_shoff);
	for (int want = SHT_SYMTAB; ; want = SHT_DYNSYM) {
		for (int i = 0; i < eh->e_shnum && !t->n; i++) {
			if (sh[i].sh_type != (Elf64_Word)want || sh[i].sh_link >= eh->e_shnum)
				continue;
			const Elf64_Sym *sy = (const void *)(img + sh[i].sh_offset);
			const char *str = (const char *)img + sh[sh[i].sh_link].sh_offset;
			size_t cnt = sh[i].sh_size / sizeof(Elf64_Sym), k = 0;
			t->syms = calloc(cnt ? cnt : 1, sizeof(*t->syms));
			if (!t->syms)
				return;
			for (size_t j = 0; j < cnt; j++)
				if (ELF64_ST_TYPE(sy[j].st_info) == STT_FUNC && sy[j].st_value)
					t->syms[k++] = (struct rt_sym){ sy[j].st_value, sy[j].st_size,
									str + sy[j].st_name };
			qsort(t->syms, k, sizeof(*t->syms), sym_cmp);
			t->n = k;
		}
		if (t->n || want == SHT_DYNSYM)
			break;
	}
}

static struct rt_symtab *symtab_for(const Dl_info *di)
{
	struct rt_symtab *t = NULL;
	pthread_mutex_lock(&symcache.lock);
	for (int i = 0; i < symcache.n; i++)
		if (symcache.tabs[i].fbase == di->dli_fbase)
			t = &symcache.tabs[i];
	if (!t && symcache.n < RT_SYMTABS) {
		t = &symcache.tabs[symcache.n++];
		t->fbase = di->dli_fbase;
		load_symtab(t, di->dli_fname);
		if (!t->n)
			load_symtab(t, "/proc/self/exe");
	}
	pthread_mutex_unlock(&symcache.lock);
	return t;
}

void rt_symbolize(const void *addr, char *buf, size_t len)
{
	Dl_info di;
	snprintf(buf, len, "??");
	/* a return address points after the call: look up the call itself */
	const char *a = (const char *)addr - 1;
	if (!dladdr(a, &di))
		return;
	struct rt_symtab *t = symtab_for(&di);
	if (t && t->n) {
		uintptr_t off = (uintptr_t)a - (t->pie ? (uintptr_t)di.dli_fbase : 0);
		size_t lo = 0, hi = t->n;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (t->syms[mid].value <= off)
				lo = mid;
			else
				hi = mid;
		}
		const struct rt_sym *s = &t->syms[lo];
		if (s->value <= off && (!s->size || off < s->value + s->size)) {
			snprintf(buf, len, "%s", s->name);
			return;
		}
	}
	if (di.dli_sname)
		snprintf(buf, len, "%s", di.dli_sname);
}

void rt_srcline(const void *addr, char *buf, size_t len)
{
	Dl_info di;
	snprintf(buf, len, "??");
	const char *a = (const char *)addr - 1;
	if (!dladdr(a, &di) || !di.dli_fname || strchr(di.dli_fname, '\''))
		return;
	struct rt_symtab *t = symtab_for(&di);
	uintptr_t off = (uintptr_t)a - (t && !t->pie ? 0 : (uintptr_t)di.dli_fbase);
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "addr2line -e '%s' %#lx 2>/dev/null", di.dli_fname,
		 (unsigned long)off);
	FILE *p = popen(cmd, "r");
	if (!p)
		return;
	char line[400];
	if (fgets(line, sizeof(line), p) && line[0] != '?') {
		line[strcspn(line, " \n")] = 0;
		const char *base = strrchr(line, '/');
		snprintf(buf, len, "%s", base ? base + 1 : line);
	}
	pclose(p);
}
