#include "parse.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *tu_first_error(CXTranslationUnit tu)
{
	unsigned n = clang_getNumDiagnostics(tu);
	char *msg = NULL;
	for (unsigned i = 0; i < n && !msg; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			CXFile f;
			unsigned line, col;
			clang_getFileLocation(clang_getDiagnosticLocation(d), &f, &line, &col, NULL);
			if (f) {
				CXString fn = clang_getFileName(f);
				CXString text = clang_getDiagnosticSpelling(d);
				msg = xasprintf("%s:%u:%u: %s", clang_getCString(fn), line, col, clang_getCString(text));
				clang_disposeString(fn);
				clang_disposeString(text);
			}
		}
		clang_disposeDiagnostic(d);
	}
	return msg;
}

static struct CXUnsavedFile *to_clang(const struct pagelife_unsaved *u, size_t n)
{
	if (!n)
		return NULL;
	struct CXUnsavedFile *v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i].Filename = u[i].filename;
		v[i].Contents = u[i].contents;
		v[i].Length = u[i].length;
	}
	return v;
}

static int is_unsaved(const char *file, const struct pagelife_unsaved *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(u[i].filename, file))
			return 1;
	return 0;
}

int tu_parse(CXIndex index, const char *file, const char *const *args, size_t nargs,
	     const struct pagelife_unsaved *unsaved, size_t nunsaved, int keep_preamble, CXTranslationUnit *out,
	     char **error)
{
	*out = NULL;
	*error = NULL;
	struct stat st;
	if (!is_unsaved(file, unsaved, nunsaved) && stat(file, &st) != 0) {
		*error = xasprintf("%s: cannot open: %s", file, strerror(errno));
		return -1;
	}
	/* a directory, FIFO or device: never opened (reading a FIFO would wait) */
	if (!is_unsaved(file, unsaved, nunsaved) && !S_ISREG(st.st_mode)) {
		*error = xasprintf("%s: not a regular file", file);
		return -1;
	}
	unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	if (keep_preamble)
		flags |= CXTranslationUnit_PrecompiledPreamble | CXTranslationUnit_CreatePreambleOnFirstParse;
	struct CXUnsavedFile *cu = to_clang(unsaved, nunsaved);
	enum CXErrorCode ec = clang_parseTranslationUnit2(index, file, args, (int)nargs, cu, (unsigned)nunsaved,
							  flags, out);
	free(cu);
	if (ec != CXError_Success || !*out) {
		*error = xasprintf("%s: libclang could not parse this file (error %d); check the compiler flags", file,
				   (int)ec);
		*out = NULL;
		return -1;
	}
	return 0;
}

int tu_reparse(CXTranslationUnit tu, const struct pagelife_unsaved *unsaved, size_t nunsaved, char **error)
{
	*error = NULL;
	struct CXUnsavedFile *cu = to_clang(unsaved, nunsaved);
	int ec = clang_reparseTranslationUnit(tu, (unsigned)nunsaved, cu, clang_defaultReparseOptions(tu));
	free(cu);
	if (ec) {
		*error = xasprintf("libclang could not reparse this file (error %d)", ec);
		return -1;
	}
	return 0;
}
