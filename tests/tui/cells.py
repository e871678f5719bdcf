#!/usr/bin/env python3
"""cells.py — what each cell of a `tmux capture-pane -e` dump looks like, one line per
screen row: the character, and the colours and attributes that show on it (a blank
shows only its background; its boldness, for one, cannot be seen; blanks that end a
row are left out). Two dumps of the
same screen sent to the terminal in different ways (a whole drawing after Ctrl-L,
another that changed a few rows) compare equal when they look the same."""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def apply(state, params):
    ps = [int(p) if p else 0 for p in params.replace(":", ";").split(";")] if params else [0]
    i = 0
    while i < len(ps):
        p = ps[i]
        if p == 0:
            state.update(fg="d", bg="d", bold=False, ul=False, rev=False, dim=False)
        elif p == 1:
            state["bold"] = True
        elif p == 2:
            state["dim"] = True
        elif p == 22:
            state["bold"] = state["dim"] = False
        elif p == 4:
            state["ul"] = True
        elif p == 24:
            state["ul"] = False
        elif p == 7:
            state["rev"] = True
        elif p == 27:
            state["rev"] = False
        elif p in (38, 48):
            key = "fg" if p == 38 else "bg"
            if i + 1 < len(ps) and ps[i + 1] == 5 and i + 2 < len(ps):
                state[key] = "c%d" % ps[i + 2]
                i += 2
            elif i + 1 < len(ps) and ps[i + 1] == 2 and i + 4 < len(ps):
                state[key] = "#%d,%d,%d" % tuple(ps[i + 2:i + 5])
                i += 4
        elif p == 39:
            state["fg"] = "d"
        elif p == 49:
            state["bg"] = "d"
        elif 30 <= p <= 37:
            state["fg"] = "c%d" % (p - 30)
        elif 40 <= p <= 47:
            state["bg"] = "c%d" % (p - 40)
        elif 90 <= p <= 97:
            state["fg"] = "c%d" % (p - 90 + 8)
        elif 100 <= p <= 107:
            state["bg"] = "c%d" % (p - 100 + 8)
        i += 1


def cells(text):
    state = dict(fg="d", bg="d", bold=False, ul=False, rev=False, dim=False)
    rows = []
    for line in text.split("\n"):
        row = []
        pos = 0
        for m in SGR.finditer(line):
            for ch in line[pos:m.start()]:
                row.append(look(ch, state))
            apply(state, m.group(1))
            pos = m.end()
        for ch in line[pos:]:
            row.append(look(ch, state))
        # Blanks at the end of a row: tmux keeps the colour of those written, not of
        # those a clear to the end of the line left (the same on the screen).
        while row and row[-1].startswith("_/"):
            row.pop()
        rows.append(" ".join(row))
    return "\n".join(rows)


def look(ch, s):
    bg = s["fg"] if s["rev"] else s["bg"]
    if ch == " ":
        return "_/%s%s" % (bg, "/u" if s["ul"] else "")
    fg = s["bg"] if s["rev"] else s["fg"]
    flags = "".join(f for f, on in (("b", s["bold"]), ("d", s["dim"]), ("u", s["ul"])) if on)
    return "%s/%s/%s/%s" % (ch, fg, bg, flags)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        sys.stdout.write(cells(f.read()) + "\n")
