/* ui_cmd.h — the one command table: ids, configuration names, default keys, labels,
 * help texts, preconditions and the screens each command applies to. The key bar and
 * the help screen are generated from it. */
#ifndef EMPIRIE_UI_CMD_H
#define EMPIRIE_UI_CMD_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* A key event: a character (Unicode code point) or a curses key code marked with
 * UI_KFN, so that KEY_DOWN (0402) never collides with 'Ă' (U+0102). */
#define UI_KFN 0x1000000
#define K_FN(k) (UI_KFN | (k))
#define K_F(n) K_FN(KEY_F(n))
#define K_CTRL(c) ((c) & 0x1f)
#define K_ESC 27
#define K_TAB '\t'
/* A key of a command on only some of its screens (those of the row and these): the
 * table says where each key works, so no two commands share a key on one screen. */
#define K_ON(screens, key) ((long long)(screens) << 32 | (long long)(key))

/* Screen kinds (bit masks). */
enum {
	SC_MAIN = 1u << 0, SC_CARD = 1u << 1, SC_READER = 1u << 2, SC_EDITOR = 1u << 3,
	SC_SEARCH = 1u << 4, SC_HELP = 1u << 5,
	SC_PRACTICE = 1u << 6, /* a good practice's card */
	SC_MEETING = 1u << 7,  /* a meeting's card */
	SC_PLIST = 1u << 8,    /* the good-practice library */
	SC_MLIST = 1u << 9,    /* the meetings */
	SC_PICK = 1u << 10,    /* a choice from a list (filters) */
	SC_TLIST = 1u << 11,   /* the towns */
	SC_CARDS = SC_CARD | SC_PRACTICE | SC_MEETING,
	SC_RECORDS = SC_PLIST | SC_MLIST, /* the lists of records one may add to and change */
	SC_LISTS = SC_RECORDS | SC_TLIST,
	/* the screens q closes */
	SC_VIEWS = SC_CARDS | SC_LISTS | SC_READER | SC_SEARCH | SC_HELP | SC_PICK,
	SC_ALL = 0xfff,
};

/* Preconditions: a screen reports which hold now; a command runs only when all its
 * own do. */
enum {
	PRE_NETWORK = 1u << 0,  /* a network is selected */
	PRE_THREAD = 1u << 1,   /* a thread is selected or open */
	PRE_WRITE = 1u << 2,    /* the account may write in that network */
	PRE_OWN_POST = 1u << 3, /* the selected post is the account's (or it moderates) */
	PRE_FREE = 1u << 4,     /* not in restricted (kiosk) mode */
	PRE_ADD = 1u << 5,      /* the account may add a practice / a meeting here */
	PRE_EDIT_ITEM = 1u << 6, /* the account may change this practice / meeting */
	PRE_ATTEND = 1u << 7,   /* a planned meeting of a network the account's town is in */
	PRE_MODERATE = 1u << 8, /* the account moderates the thread's network (coordinator,
	                         * administrator) */
	PRE_OPEN = 1u << 9,     /* the thread is not locked, or the account moderates it */
	PRE_SHOWN = 1u << 10,   /* the post is not hidden, or the account moderates it */
	PRE_TAKE_UP = 1u << 11, /* the account may record a town taking up this practice */
};
/* The preconditions only a writable copy can meet: a read-only copy never has them, and
 * the key bar leaves out the commands that need them. */
#define PRE_WRITES (PRE_WRITE | PRE_ADD | PRE_EDIT_ITEM | PRE_ATTEND | PRE_OWN_POST | \
                    PRE_MODERATE | PRE_TAKE_UP)

/* X(id, config name, (keys), label, help, preconditions, screens) — the first key
 * shown on the key bar when it is an F-key, the second a letter for terminals that
 * lose F-keys (PuTTY, tmux); up to UI_CMD_KEYS keys. No two commands have the same key
 * on one screen (tests/unit/test_ui_keys.c): K_ON keeps a key to some of the screens.
 * The help, the key bar and :help list the keys from here. */
#define UI_COMMANDS(X) \
	X(CMD_HELP, "help", (K_F(1), '?'), N_("Help"), \
	  N_("Show the keys of this screen"), 0, SC_ALL & ~SC_EDITOR) \
	X(CMD_EDITOR_HELP, "editor-help", (K_F(1), K_CTRL('g')), N_("Help"), \
	  N_("Show the keys of the editor"), 0, SC_EDITOR) \
	X(CMD_COMMAND_LINE, "command-line", (':'), NULL, \
	  N_("The command line: a command by its name (Tab completes, Up and Down bring back " \
	     "earlier lines); :help NAME explains one"), 0, SC_ALL & ~SC_EDITOR) \
	X(CMD_SEND, "send", (K_F(2), K_CTRL('x')), N_("Send"), \
	  N_("Send the text (asks first)"), 0, SC_EDITOR) \
	X(CMD_EXTERNAL, "external-editor", (K_F(5), K_CTRL('o')), N_("Editor"), \
	  N_("Edit the text in $VISUAL or $EDITOR"), PRE_FREE, SC_EDITOR) \
	X(CMD_CUT_LINE, "cut-line", (K_CTRL('k')), NULL, \
	  N_("Cut the current line"), 0, SC_EDITOR) \
	X(CMD_PASTE, "paste", (K_CTRL('y')), NULL, \
	  N_("Paste the lines cut last"), 0, SC_EDITOR) \
	X(CMD_UNDO_LINE, "undo-line", (K_CTRL('u')), NULL, \
	  N_("Undo the changes to the current line"), 0, SC_EDITOR) \
	X(CMD_SPELL, "spelling", (K_F(7), K_CTRL('t')), N_("Spelling"), \
	  N_("Suggestions for the word at the cursor (underlined: not in the dictionary)"), 0, \
	  SC_EDITOR) \
	X(CMD_CANCEL, "cancel", (K_F(10), K_ESC, K_CTRL('c')), N_("Cancel"), \
	  N_("Stop writing (asks whether to keep a draft)"), 0, SC_EDITOR) \
	X(CMD_FIND, "find", ('/'), NULL, \
	  N_("Find in this text (any form of the words); n and N: the next and previous match"), \
	  0, SC_CARDS | SC_HELP | SC_READER) \
	X(CMD_FIND_NEXT, "find-next", ('n'), NULL, N_("The next match of the find"), 0, \
	  SC_CARDS | SC_HELP) \
	X(CMD_FIND_PREV, "find-prev", ('N'), NULL, N_("The previous match of the find"), 0, \
	  SC_CARDS | SC_HELP) \
	X(CMD_SEARCH, "search", (K_F(2), K_ON(SC_MAIN | SC_LISTS, '/'), 's'), N_("Search"), \
	  N_("Search towns, threads, posts, practices and meetings"), 0, \
	  SC_MAIN | SC_CARDS | SC_LISTS | SC_READER | SC_HELP) \
	X(CMD_NEW_ITEM, "new", (K_F(3), 'c'), N_("New"), \
	  N_("Add a good practice (of your town) or a meeting (coordinators)"), PRE_ADD, SC_RECORDS) \
	X(CMD_ASK, "ask", (K_F(3), 'a'), N_("Ask"), \
	  N_("Ask the town about this practice: a new thread in its network, linked to it"), \
	  PRE_WRITE, SC_PRACTICE) \
	X(CMD_ATTEND, "attend", (K_F(3), 'a'), N_("Attend"), \
	  N_("Say whether your town will attend this planned meeting"), PRE_ATTEND, SC_MEETING) \
	X(CMD_TAKE_UP, "take-up", (K_F(7), 'U'), N_("Take up"), \
	  N_("Record that your town takes up this practice: how far it has got, what it " \
	     "changed, where it asked about it (or take the record off)"), PRE_TAKE_UP, \
	  SC_PRACTICE) \
	X(CMD_FILTER, "filter", (K_F(4), 'f'), N_("Filter"), \
	  N_("Show only some: by network, theme, voivodeship, town, time, programme or good " \
	     "practices"), 0, SC_LISTS) \
	X(CMD_CLEAR_FILTER, "clear-filters", ('x'), NULL, \
	  N_("Show everything again (clear the filters)"), 0, SC_LISTS) \
	X(CMD_EDIT_ITEM, "edit-item", (K_F(6), 'e'), N_("Edit"), \
	  N_("Change this practice or meeting"), PRE_EDIT_ITEM, SC_PRACTICE | SC_MEETING | SC_RECORDS) \
	X(CMD_NEW_THREAD, "new-thread", (K_F(3), 'c'), N_("New thread"), \
	  N_("Start a new thread in the selected network"), PRE_NETWORK | PRE_WRITE, \
	  SC_MAIN | SC_READER) \
	X(CMD_REPLY, "reply", (K_F(4), 'r'), N_("Reply"), \
	  N_("Answer the selected thread or post"), PRE_THREAD | PRE_WRITE | PRE_OPEN, \
	  SC_MAIN | SC_READER) \
	X(CMD_QUOTE, "quote", (K_F(5), 'R'), N_("Quote"), \
	  N_("Answer the post, quoting it"), PRE_THREAD | PRE_WRITE | PRE_OPEN, SC_READER) \
	X(CMD_LINKS, "links", (K_ON(SC_CARDS, K_F(5)), 'u'), N_("Links"), \
	  N_("The links of this card or post, numbered, each whole on its line to copy"), 0, \
	  SC_CARDS | SC_READER) \
	X(CMD_EDIT, "edit", (K_F(6), 'e'), N_("Edit"), \
	  N_("Change the text of your own post"), \
	  PRE_THREAD | PRE_OWN_POST | PRE_OPEN | PRE_SHOWN, SC_READER) \
	X(CMD_HIDE, "hide", (K_F(8), 'H'), N_("Hide"), \
	  N_("Hide the post from members, giving the reason; on a hidden post: show it again " \
	     "(the network's coordinators and administrators)"), PRE_THREAD | PRE_MODERATE, \
	  SC_READER) \
	X(CMD_LOCK, "lock", (K_F(9), 'L'), N_("Lock"), \
	  N_("Lock the thread: no more replies or edits, except by coordinators; on a locked " \
	     "thread: open it again"), PRE_THREAD | PRE_MODERATE, SC_READER) \
	X(CMD_PIN, "pin", ('T'), NULL, \
	  N_("Pin the thread at the top of its network's list, or unpin it (coordinators)"), \
	  PRE_THREAD | PRE_MODERATE, SC_READER) \
	X(CMD_FOCUS_NEXT, "focus-next", (K_TAB, K_FN(KEY_RIGHT), 'l'), NULL, \
	  N_("Move to the next panel, or to the next link of a card"), 0, \
	  SC_MAIN | SC_SEARCH | SC_CARDS) \
	X(CMD_FOCUS_PREV, "focus-prev", (K_FN(KEY_BTAB), K_FN(KEY_LEFT), 'h'), NULL, \
	  N_("Move to the previous panel, or to the previous link of a card"), 0, \
	  SC_MAIN | SC_SEARCH | SC_CARDS) \
	X(CMD_PRACTICES, "practices", (K_F(8), 'P'), N_("Practices"), \
	  N_("Good practices: what towns did that others can copy"), 0, \
	  SC_MAIN | SC_CARD | SC_MEETING | SC_MLIST | SC_TLIST) \
	X(CMD_MEETINGS, "meetings", (K_F(9), 'M'), N_("Meetings"), \
	  N_("Meetings of the networks, past and planned"), 0, \
	  SC_MAIN | SC_CARD | SC_PRACTICE | SC_PLIST | SC_TLIST) \
	X(CMD_REPORT, "report", ('R'), NULL, \
	  N_("The report of the selected network: meetings, practices shown and taken up, the " \
	     "most active threads"), 0, SC_MAIN | SC_CARD) \
	X(CMD_TOWNS, "towns", (K_F(6), 't'), N_("Towns"), \
	  N_("All the towns, filtered by network, voivodeship, programme or good practices, each " \
	     "opening its card (the Towns panel shows at 120 columns or more, or with Tab)"), 0, \
	  SC_MAIN) \
	X(CMD_REQUESTS, "requests", (K_F(5), 'w'), N_("Requests"), \
	  N_("Feedback requests: those waiting for your opinion first, the oldest first"), 0, \
	  SC_MAIN) \
	X(CMD_NEW_REQUEST, "ask-feedback", (K_F(3), 'c'), N_("Ask"), \
	  N_("Ask the network's coordinators and experts for feedback on your town's action"), \
	  PRE_WRITE, SC_CARD) \
	X(CMD_ACCEPT, "accept-answer", ('a'), NULL, \
	  N_("In a feedback request of your town: mark the post as the answer that helped " \
	     "(closes the request)"), PRE_THREAD, SC_READER) \
	X(CMD_NEXT_UNREAD, "next-unread", (K_F(7), 'N', K_ON(SC_READER, K_TAB)), N_("Unread"), \
	  N_("Go to the next thread with unread posts, in any network; in a thread while a find " \
	     "(/) is on, N goes to the previous match"), 0, \
	  SC_MAIN | SC_READER) \
	X(CMD_OPEN, "open", ('\n', '\r', K_FN(KEY_ENTER)), NULL, \
	  N_("Open the selected item or link"), 0, SC_MAIN | SC_SEARCH | SC_CARDS | SC_LISTS | SC_PICK) \
	X(CMD_UP, "up", (K_FN(KEY_UP), 'k'), NULL, N_("Up one line"), 0, SC_VIEWS | SC_MAIN) \
	X(CMD_DOWN, "down", (K_FN(KEY_DOWN), 'j'), NULL, N_("Down one line"), 0, \
	  SC_VIEWS | SC_MAIN) \
	X(CMD_PAGE_UP, "page-up", (K_FN(KEY_PPAGE), 'b'), NULL, N_("Up one page"), 0, \
	  SC_VIEWS | SC_MAIN) \
	X(CMD_PAGE_DOWN, "page-down", (K_FN(KEY_NPAGE), ' '), NULL, \
	  N_("Down one page; at the end of a thread, on to the next unread"), 0, \
	  SC_VIEWS | SC_MAIN) \
	X(CMD_HOME, "home", (K_FN(KEY_HOME), 'g'), NULL, N_("To the top"), 0, \
	  SC_VIEWS | SC_MAIN) \
	X(CMD_END, "end", (K_FN(KEY_END), 'G'), NULL, N_("To the bottom"), 0, \
	  SC_VIEWS | SC_MAIN) \
	X(CMD_NEXT_POST, "next-post", ('n'), NULL, \
	  N_("Next post; while a find (/) is on, the next match (Esc ends the find)"), 0, \
	  SC_READER) \
	X(CMD_PREV_POST, "prev-post", ('p'), NULL, N_("Previous post"), 0, SC_READER) \
	X(CMD_MARK_THREAD_READ, "mark-thread-read", (K_CTRL('r')), NULL, \
	  N_("Mark the whole thread read (U: undo)"), PRE_THREAD, SC_MAIN | SC_READER) \
	X(CMD_MARK_NETWORK_READ, "mark-network-read", ('A'), NULL, \
	  N_("Mark every thread of the network read (U: undo)"), PRE_NETWORK, \
	  SC_MAIN | SC_READER) \
	X(CMD_MARK_ALL_READ, "mark-all-read", ('C'), NULL, \
	  N_("Mark everything in all networks read (U: undo)"), 0, SC_MAIN) \
	X(CMD_UNDO_MARK, "undo-mark-read", ('U'), NULL, \
	  N_("Undo the last marking read: the read marks before it come back"), 0, \
	  SC_MAIN | SC_READER) \
	X(CMD_SORT, "sort-threads", ('o'), NULL, \
	  N_("Sort the threads: by activity, by creation, by title, unread first"), PRE_NETWORK, \
	  SC_MAIN) \
	X(CMD_LIMIT, "limit-threads", ('F'), NULL, \
	  N_("Show only the threads whose title has these words (any form); empty: all"), \
	  PRE_NETWORK, SC_MAIN) \
	X(CMD_COLLAPSE, "collapse", ('v'), NULL, \
	  N_("Collapse the replies under this post, or expand them again"), PRE_THREAD, \
	  SC_READER) \
	X(CMD_JUMP, "jump-network", ('1', '2', '3', '4', '5', '6', '7', '8'), NULL, \
	  N_("Go to the network of that number"), 0, SC_MAIN) \
	X(CMD_BACK, "back", ('q', K_ESC, K_FN(KEY_BACKSPACE)), NULL, \
	  N_("Back to the previous screen"), 0, SC_VIEWS) \
	X(CMD_REDRAW, "redraw", (K_CTRL('l')), NULL, \
	  N_("Draw the whole screen again (when the connection garbled it)"), 0, SC_ALL) \
	X(CMD_QUIT, "quit", (K_F(10), K_ON(SC_MAIN, 'q'), 'Q', K_CTRL('c')), N_("Quit"), \
	  N_("Leave empirie"), 0, SC_ALL & ~SC_EDITOR)

#define UI_CMD_ENUM(id, name, keys, label, help, pre, screens) id,
typedef enum { CMD_NONE = -1, UI_COMMANDS(UI_CMD_ENUM) CMD__COUNT } ui_cmd_id;
#undef UI_CMD_ENUM

#define UI_CMD_KEYS 8
typedef struct {
	ui_cmd_id id;
	const char *name;
	int keys[UI_CMD_KEYS];            /* 0 after the last */
	unsigned key_screens[UI_CMD_KEYS]; /* the screens where each key means this command */
	const char *label; /* N_(); NULL when the command has no key-bar button */
	const char *help;  /* N_() */
	unsigned pre, screens;
} ui_command;

const ui_command *ui_cmd_get(ui_cmd_id id);
/* The command a key means on a screen kind, or CMD_NONE. */
ui_cmd_id ui_cmd_for_key(int key, unsigned screen);
/* The personal key bindings (`bind SCREEN KEY COMMAND`, ui_prefs.c): a binding counts
 * before the table's own keys; CMD_NONE takes a key away. A binding of the same key on
 * the same screens replaces the earlier one. false when there is no room (256). */
bool ui_cmd_bind(unsigned screens, int key, ui_cmd_id cmd);
/* A command by its configuration name ("reply"), CMD_NONE when unknown. */
ui_cmd_id ui_cmd_by_name(const char *name);
/* A screen kind by name ("main", "reader", ..., "all" for every one): its SC_* mask, 0
 * when unknown; and the name of one SC_* bit. */
unsigned ui_screen_by_name(const char *name);
const char *ui_screen_name(unsigned bit);
/* A key as the settings write it: "F5", "^R" or "Ctrl-R", "x", "Enter", "Tab", "Esc",
 * "Space", "Up", "PgDn", "Backspace", ...; 0 when it is not a key name. */
int ui_key_parse(const char *name);
/* A translated, printable name for a key ("F1", "Ctrl-X", "Enter"). */
void ui_key_name(int key, char *out, size_t n);
/* The keys that run c on a screen kind, as the help lists them ("F4, r"; "1–8" for a run
 * of three or more): the personal bindings first, then the table's. */
void ui_cmd_keys_text(const ui_command *c, unsigned screen, char *out, size_t n);

/* Draw the key bar on row y of stdscr for a screen kind; commands whose
 * preconditions (pre_ok) fail are dimmed. Remembers where each F-key went. */
void ui_keybar_draw(int y, unsigned screen, unsigned pre_ok, unsigned pre_never);
/* The F-key (as a key event) under column x of the last key bar, or 0. */
int ui_keybar_hit(int x);

/* The help text for a screen kind as UTF-8 lines, newly allocated ("\n" separated):
 * first the commands of that screen, then a short reminder of global keys. */
char *ui_help_text(unsigned screen);

#endif
