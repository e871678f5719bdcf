#!/usr/bin/env python3
"""pocheck.py CATALOGUE — house rules for the Polish catalogue, one problem a line:
  quote:  a Polish msgstr quoting with '…' or "…" instead of „…”
  glossary: a Polish msgstr using a term doc/GLOSSARY.md rejects
  number: a msgid with a printf number followed by a word it counts ("%d bytes"), outside
          ngettext (numbers that name things, "line %lu", "network %d", are fine)
Obsolete (#~) entries are ignored. Exit status 1 when anything is found."""
import re
import sys

def entries(path):
    text = open(path, encoding='utf-8').read()
    for block in text.split('\n\n'):
        cur, d = None, {}
        for line in block.split('\n'):
            if line.startswith('#'):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                cur = m.group(1)
                d[cur] = m.group(2)
            elif line.startswith('"') and cur:
                d[cur] += line[1:-1]
        if d.get('msgid'):
            yield d

# Words before a number that make it a name, not a count.
NAMING = set('network line number id post thread copy schema version seed column'.split())
CONV = re.compile(r'%(\d+\$)?[-+ 0#]*\d*(\.\d+)?(hh|h|ll|l|z|j|t)?[diu]')
UNITS = {'MB'}
# Words after a number that are not what it counts ("8 and 10 May").
JOINING = {'and', 'or', 'to'}
# Terms doc/GLOSSARY.md rejects, with the chosen one.
REJECTED = {
    'dziennik zmian': 'dziennik zdarzeń', 'dziennika zmian': 'dziennika zdarzeń',
    'dzienniku zmian': 'dzienniku zdarzeń', 'migawk': 'kopia offline',
    'dołączon': 'wbudowany', 'Dołączon': 'Wbudowany', 'to konto': 'Twoje konto',
    'wersj robocz': 'szkic', 'zamknięci': 'blokada', 'należy podać': 'podaj',
}

bad = 0
for d in entries(sys.argv[1]):
    for k, v in d.items():
        if k.startswith('msgstr'):
            # A straight quote pair around a word or phrase; an escaped "" (an empty
            # shell argument, --cost "") is code, not a quotation.
            if re.search(r"(^|[\s(:])'[^'\s][^']*'", v) or re.search(r'\\"[^\\"]+\\"', v):
                print('quote: %s' % v)
                bad += 1
                break
    for k, v in d.items():
        if k.startswith('msgstr'):
            hit = [w for w in REJECTED if w in v]
            if hit:
                print('glossary: %s (use %s): %s' % (hit[0], REJECTED[hit[0]], v))
                bad += 1
                break
    if 'msgid_plural' in d:
        continue
    t = d['msgid']
    for m in CONV.finditer(t):
        before = re.findall(r'[A-Za-z]+', t[:m.start()])
        nxt = re.match(r' ([A-Za-z]+)', t[m.end():])
        if t[max(0, m.start() - 1):m.start()] == '\u00d7':  # a size, 80×24, not a count
            continue
        if nxt and nxt.group(1) not in UNITS and nxt.group(1) not in JOINING and not (before and before[-1].lower() in NAMING):
            print('number: %s' % t)
            bad += 1
            break
sys.exit(1 if bad else 0)
