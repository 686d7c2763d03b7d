/* Which required API names a TU declares: one walk over its file-scope
 * declarations, only when some rule has `requires:`. */
#include "api_presence.h"
#include "util.h"

#include <string.h>

struct presence_walk {
	const struct rules *rules;
	unsigned char *present;
};

static void mark(struct presence_walk *w, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	if (name && *name)
		for (size_t i = 0; i < w->rules->napi_names; i++)
			if (!strcmp(w->rules->api_names[i], name))
				w->present[i] = 1;
	clang_disposeString(s);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct presence_walk *w = data;
	switch (clang_getCursorKind(c)) {
	case CXCursor_LinkageSpec:
		return CXChildVisit_Recurse;
	case CXCursor_EnumDecl: /* its enumerators are file-scope names too */
		mark(w, c);
		return CXChildVisit_Recurse;
	case CXCursor_FunctionDecl:
	case CXCursor_TypedefDecl:
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_VarDecl:
	case CXCursor_EnumConstantDecl:
		mark(w, c);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

void api_presence_add(CXTranslationUnit tu, const struct rules *rules, unsigned char *present)
{
	struct presence_walk w = { rules, present };
	if (rules->napi_names)
		clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, &w);
}

unsigned char *api_presence(CXTranslationUnit tu, const struct rules *rules)
{
	if (!rules->napi_names)
		return NULL;
	unsigned char *present = xcalloc(rules->napi_names, 1);
	api_presence_add(tu, rules, present);
	return present;
}
