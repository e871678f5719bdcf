// hunspell_guard.cc — see hunspell_guard.h. The only C++ in empirie: a catch around each
// Hunspell call, nothing else.
#include "config.h"

#include "text/hunspell_guard.h"

extern "C" Hunhandle *guarded_hunspell_create(const char *aff, const char *dic)
{
	try {
		return Hunspell_create(aff, dic);
	} catch (...) {
		return nullptr;
	}
}

// Hunspell fills *list only when it returns a count above zero; on a throw the list it
// was building is its own to drop, and the caller gets nothing to free.
extern "C" int guarded_hunspell_stem(Hunhandle *h, char ***list, const char *word)
{
	*list = nullptr;
	try {
		return Hunspell_stem(h, list, word);
	} catch (...) {
		*list = nullptr;
		return -1;
	}
}

extern "C" int guarded_hunspell_suggest(Hunhandle *h, char ***list, const char *word)
{
	*list = nullptr;
	try {
		return Hunspell_suggest(h, list, word);
	} catch (...) {
		*list = nullptr;
		return -1;
	}
}

extern "C" int guarded_hunspell_spell(Hunhandle *h, const char *word)
{
	try {
		return Hunspell_spell(h, word) != 0;
	} catch (...) {
		return -1;
	}
}
