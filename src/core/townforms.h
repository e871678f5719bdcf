/* townforms.h — the case forms of the bundled towns' names. Hunspell's Polish
 * dictionary knows few town names ("Żywcu", "Łomży", "Kędzierzynie" are unknown to
 * it), so each word of each name in data/cities.csv is declined here by the rules of
 * Polish toponyms, keyed by its ending: the rules are written once, the forms derived
 * from the data. */
#ifndef EMPIRIE_CORE_TOWNFORMS_H
#define EMPIRIE_CORE_TOWNFORMS_H

/* The folded nominative of the town-name word whose folded form is `folded` ("zywcu"
 * gives "zywiec", "zywiec" too), or NULL when no bundled town has such a word. */
const char *townform_lemma(const char *folded);

#endif
