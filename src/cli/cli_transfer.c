/* cli_transfer.c — import and export of the directory as CSV (UTF-8, CP1250, ISO-8859-2)
 * or JSON. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_priv.h"
#include "core/mbox.h"
#include "core/transfer.h"
#include "i18n.h"
#include "text/charset.h"
#include "text/csv.h"
#include "text/list.h"
#include "text/safe.h"
#include "text/utf8.h"
#include "text/strbuf.h"

#define IMPORT_MAX (64u << 20) /* a directory file larger than this is a mistake */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cli_error(_("%s: cannot open the file: %s"), path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n > IMPORT_MAX) {
			free(buf);
			fclose(f);
			cli_error(_("%s: the file is larger than %u MB"), path, IMPORT_MAX >> 20);
			return NULL;
		}
		if (n == cap) {
			char *p = realloc(buf, cap *= 2);
			if (!p) {
				free(buf);
				buf = NULL;
			}
			buf = p;
		}
	}
	if (!buf || ferror(f)) {
		free(buf);
		cli_error(_("%s: cannot read the file: %s"), path, buf ? strerror(errno) : _("Out of memory"));
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

enum { OPT_RAW = 256 }; /* --raw has no short form */

#define KIND(name) { name, NULL, "", NULL, false, false, NULL }
#define KINDS KIND("cities"), KIND("towns"), KIND("accounts"), KIND("memberships"), \
	KIND("meetings"), KIND("practices"), KIND("uptakes"), KIND("transfers")
const cli_subcommand cli_import_kinds[] = { KINDS, KIND(NULL) };
const cli_subcommand cli_export_kinds[] = { KINDS, KIND("posts"), KIND(NULL) };
#undef KINDS
#undef KIND

/* A KIND the core does not know: what import or export take, and the nearest one. */
static int unknown_kind(const char *cmd, const char *word)
{
	bool import = strcmp(cmd, "import") == 0;
	if (import)
		cli_error(_("cannot import '%s': choose cities, accounts, memberships, "
		            "meetings, practices or uptakes"), word);
	else
		cli_error(_("cannot export '%s': choose cities, accounts, memberships, "
		            "meetings, practices or uptakes"), word);
	cli_sub_suggest(import ? cli_import_kinds : cli_export_kinds, word);
	safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
	return EXIT_USAGE;
}

/* The --encoding cmd takes is one of names (their other names too: charset_parse()). */
static int unknown_encoding(const char *cmd, const char *value, const char *const *names)
{
	char w[128];
	return cli_usage(cmd, _("unknown encoding '%s': use %s"), value,
	                 list_join_or(names, w, sizeof w));
}

const cli_opt cli_import_opts[] = {
	{ "encoding", required_argument, 'e', N_("ENC"), N_("%s\n(default auto: guessed from the file)") },
	{ "dry-run", no_argument, 'n', NULL, N_("show what would change, change nothing") },
	{ "raw", no_argument, OPT_RAW, NULL, N_("keep cells as they are; by default a cell that an\n"
	  "export guarded against spreadsheets ('=…, '+…, '-…,\n'@…) loses that one leading "
	  "apostrophe") },
	{ NULL, 0, 0, NULL, NULL },
};

int cmd_import(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[16];
	cli_opts_getopt(cli_import_opts, opts, shortopts, sizeof shortopts);
	int enc = CHARSET_AUTO, ch;
	bool dry = false, raw_cells = false;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'e':
			if ((enc = charset_parse(optarg)) < 0)
				return unknown_encoding("import", optarg, charset_keys);
			break;
		case 'n': dry = true; break;
		case OPT_RAW: raw_cells = true; break;
		case 'h':
			cli_command_help_opts(cli_find_command("import"),
				_("KIND is cities, accounts, memberships, meetings, practices or uptakes (practice\n"
				  "transfers: practice key, town, status). The first line of the file names the\n"
				  "columns (as 'empirie export KIND' writes them; common Polish names such as\n"
				  "nazwa, województwo, sieć, miasto are understood too).\n"
				  "Practices are matched by their key. Fields are separated by ',' or ';'\n"
				  "(Excel), quoted fields may hold newlines.\n"), NULL,
				cli_import_opts,
				_("An import is all or nothing: any error and nothing is stored.\n"));
			return EXIT_OK;
		case ':': return cli_usage("import", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("import", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 2)
		return cli_usage("import", _("give what to import and the file: empirie import KIND FILE"));
	int kind = xfer_kind_parse(argv[optind]);
	if (kind < 0)
		return unknown_kind("import", argv[optind]);
	if (c->restricted)
		return cli_error(_("Import is not available in restricted mode"));
	const char *path = argv[optind + 1];
	size_t len;
	char *raw = read_file(path, &len);
	if (!raw)
		return EXIT_ERR;
	if (enc == CHARSET_AUTO) {
		enc = (int)charset_detect(raw, len);
		safe_fprintf(stderr, _("%s: encoding %s (detected)\n"), path, charset_name(enc));
	}
	unsigned long bl = 0, bc = 0;
	size_t tlen;
	char *text = charset_to_utf8(raw, len, enc, &tlen, &bl, &bc);
	free(raw);
	if (!text) {
		if (bl)
			return cli_error(_("%s:%lu:%lu: this byte is not valid %s text; say the file's "
			                   "encoding with --encoding"), path, bl, bc, charset_name(enc));
		return cli_error(_("%s: cannot convert the file from %s"), path, charset_name(enc));
	}
	if (cli_open(c) != EXIT_OK) {
		free(text);
		return EXIT_ERR;
	}
	import_report r;
	error e;
	status s = import_csv(c->d, &c->me, kind, path, text, tlen, dry, raw_cells, &r, &e);
	free(text);
	/* The preview only when it will happen (or would, in a dry run). */
	for (size_t i = 0; s == ST_OK && i < r.n; i++)
		safe_fprintf(stdout, "%s\n", r.lines[i]);
	for (size_t i = 0; i < r.nerrors; i++)
		safe_fprintf(stderr, "%s\n", r.errors[i]);
	if (s == ST_OK) {
		char a[64], ch2[64], u[64];
		snprintf(a, sizeof a, ngettext("%zu added", "%zu added", r.added), r.added);
		snprintf(ch2, sizeof ch2, ngettext("%zu changed", "%zu changed", r.changed), r.changed);
		snprintf(u, sizeof u, ngettext("%zu unchanged", "%zu unchanged", r.unchanged), r.unchanged);
		safe_fprintf(stdout, dry ? _("Dry run: %s, %s, %s; nothing was stored.\n")
		                         : _("Imported: %s, %s, %s.\n"), a, ch2, u);
	}
	import_report_free(&r);
	return s == ST_OK ? EXIT_OK : cli_fail(&e);
}

/* JSON from SQLite escapes C0 controls but passes C1 controls, bidi overrides and
 * invalid bytes through. Write those as \u escapes: the data stays exact for any JSON
 * reader, and showing the file in a terminal is harmless. */
static char *json_harden(const char *j)
{
	size_t n = strlen(j);
	strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(j + i, n - i, &cp);
		bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
		            cp == 0x200E || cp == 0x200F || cp == 0x061C;
		if (cp == UTF8_INVALID)
			strbuf_append(&out, "\\ufffd");
		else if ((cp >= 0x80 && cp <= 0x9F) || bidi || cp == 0x7F)
			strbuf_appendf(&out, "\\u%04x", (unsigned)cp);
		else
			strbuf_appendn(&out, j + i, k);
		i += k;
	}
	return strbuf_take(&out);
}

/* The separators --separator takes: its check, help, error and completion read this
 * table. (Not a tab: the output is sanitised as a whole, which shows a tab as "^I".) */
const char *const cli_export_separators[] = { ";", ",", NULL };

/* The separator an option names; 0 when it is none of them. */
static int parse_separator(const char *s)
{
	for (size_t i = 0; cli_export_separators[i]; i++)
		if (strcmp(s, cli_export_separators[i]) == 0)
			return s[0];
	return 0;
}

/* What a spreadsheet in this locale splits on: ';' where the decimal point is a comma
 * (Polish, German, French... Excel and LibreOffice use ';' there) or the locale asked for
 * is Polish (even when it is not installed), ',' elsewhere. */
static int spreadsheet_separator(void)
{
	const struct lconv *lc = localeconv();
	if (lc && lc->decimal_point && strcmp(lc->decimal_point, ",") == 0)
		return ';';
	static const char *const vars[] = { "LC_ALL", "LC_NUMERIC", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "pl", 2) == 0 ? ';' : ',';
	}
	return ',';
}

/* The export of kind to standard output: JSON, or CSV for spreadsheets (CRLF, guarded
 * cells, a BOM or CP1250) or for scripts (raw_cells). */
static int write_export(cli_ctx *c, int kind, bool json, char sep, bool raw_cells, int enc)
{
	error e;
	char *buf = NULL;
	size_t len = 0;
	status s;
	if (json) {
		s = export_json(c->d, &c->me, kind, &buf, &e);
		len = buf ? strlen(buf) : 0;
	} else {
		FILE *mem = open_memstream(&buf, &len);
		if (!mem)
			return cli_error(_("Out of memory"));
		s = export_csv(c->d, &c->me, kind, mem, sep, raw_cells ? 0 : CSV_GUARD, &e);
		fclose(mem);
	}
	if (s != ST_OK) {
		free(buf);
		return cli_fail(&e);
	}
	/* Stored text may hold control or escape sequences: make them visible so that
	 * showing the export in a terminal is harmless (newlines inside fields are kept). */
	char *clean = json ? json_harden(buf) : safe_utf8(buf, len, SAFE_MULTILINE);
	free(buf);
	if (!clean)
		return cli_error(_("Out of memory"));
	size_t clen = strlen(clean);
	char *out = clean;
	/* Spreadsheets expect CRLF; the line ends are made after the sanitising, which would
	 * show a CR as "^M". */
	if (!json && !raw_cells) {
		out = csv_to_crlf(clean, clen, &clen);
		free(clean);
		if (!out)
			return cli_error(_("Out of memory"));
		clean = out;
	}
	if (!json && enc == CHARSET_CP1250) {
		out = charset_from_utf8(clean, clen, CHARSET_CP1250, &clen);
		free(clean);
		if (!out)
			return cli_error(_("Out of memory"));
	} else if (!json && !raw_cells) {
		fputs("\xEF\xBB\xBF", stdout); /* BOM: Excel then reads UTF-8 */
	}
	fwrite(out, 1, clen, stdout);
	if (json)
		fputc('\n', stdout);
	free(out);
	return EXIT_OK;
}
/* The encodings export writes CSV in (of charset_keys; another name of one, "UTF8",
 * "windows-1250", is the same): its check and the completion read this table. */
const char *const cli_export_encodings[] = { "utf-8", "cp1250", NULL };

static bool export_encoding_ok(int enc)
{
	for (size_t i = 0; enc >= 0 && cli_export_encodings[i]; i++)
		if (charset_parse(cli_export_encodings[i]) == enc)
			return true;
	return false;
}

const cli_opt cli_export_opts[] = {
	{ "format", required_argument, 'f', N_("FMT"), N_("%s (default csv; posts: mbox)") },
	{ "encoding", required_argument, 'e', N_("ENC"), N_("%s; CSV only. utf-8 (the default)\nhas a "
	  "byte order mark so Excel reads it,\ncp1250 is for older Polish Excel") },
	{ "network", required_argument, 'n', N_("N"), N_("posts: only that network's discussions") },
	{ "separator", required_argument, 's', N_("SEP"), N_("%s; default ';' in a Polish locale (or one\n"
	  "with a decimal comma, as Polish spreadsheets expect),\n',' otherwise (--raw: ',')") },
	{ "raw", no_argument, OPT_RAW, NULL, N_("for scripts: cells exactly as stored, lines ending\n"
	  "in LF, no byte order mark. Without it the CSV is\nfor spreadsheets: lines end in CRLF and "
	  "a cell\nbeginning with =, +, -, @, tab or CR gets a leading\napostrophe so that it is "
	  "never run as a formula\n(import removes it)") },
	{ NULL, 0, 0, NULL, NULL },
};

/* The formats export writes a KIND in (NULL: every other KIND): its check of --format,
 * its help and errors and the completion (cli_export_formats()) read this one table. */
static const char *const posts_formats[] = { "mbox", NULL }, *const table_formats[] = { "csv",
	"json", NULL };
static const struct {
	const char *kind;
	const char *const *formats;
} export_formats[] = {
	{ "posts", posts_formats },
	{ NULL, table_formats },
};

const char *const *cli_export_formats(const char *kind)
{
	enum { N = sizeof export_formats / sizeof export_formats[0], MAX = 8 };
	static const char *every[MAX + 1];
	if (!kind) { /* not typed yet: what some KIND takes, the other KINDs' first */
		if (!every[0]) {
			size_t n = 0;
			for (size_t i = N; i-- > 0;)
				for (const char *const *f = export_formats[i].formats; *f && n < MAX; f++) {
					size_t j = 0;
					while (j < n && strcmp(every[j], *f) != 0)
						j++;
					if (j == n) /* each once */
						every[n++] = *f;
				}
		}
		return every;
	}
	size_t i = 0;
	while (export_formats[i].kind && strcmp(export_formats[i].kind, kind) != 0)
		i++;
	return export_formats[i].formats;
}

/* Whether export writes kind in format; if not, the usage error naming the formats it
 * does write kind in (EXIT_USAGE), else EXIT_OK. */
static int export_format_check(const char *kind, const char *format)
{
	const char *const *f = cli_export_formats(kind);
	for (size_t i = 0; f[i]; i++)
		if (strcmp(f[i], format) == 0)
			return EXIT_OK;
	char w[64];
	list_join_or(f, w, sizeof w);
	if (strcmp(kind, "posts") == 0)
		return cli_usage("export", _("posts are exported with --format %s"), w);
	return cli_usage("export", _("unknown format '%s': use %s"), format, w);
}

int cmd_export(cli_ctx *c, int argc, char **argv)
{
	struct option opts[CLI_OPTS_MAX + 2];
	char shortopts[24];
	cli_opts_getopt(cli_export_opts, opts, shortopts, sizeof shortopts);
	const char *format = "csv";
	long long network = 0;
	int enc = CHARSET_UTF8, ch;
	int sep = 0;
	bool raw_cells = false;
	while ((ch = cli_getopt(c, argc, argv, shortopts, opts)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 's':
			if ((sep = parse_separator(optarg)) == 0) {
				char w[64];
				return cli_usage("export", _("unknown separator '%s': use %s"), optarg,
				                 cli_words_or(cli_export_separators, w, sizeof w));
			}
			break;
		case OPT_RAW: raw_cells = true; break;
		case 'n':
			if ((network = cli_parse_id(optarg)) < 0)
				return cli_usage("export", _("--network needs a network number, not '%s'"), optarg);
			break;
		case 'e':
			if (!export_encoding_ok(enc = charset_parse(optarg)))
				return unknown_encoding("export", optarg, cli_export_encodings);
			break;
		case 'h':
			cli_command_help_opts(cli_find_command("export"),
				_("KIND is cities, accounts, memberships, meetings, practices or uptakes (practice\n"
				  "transfers); written to standard output.\n"), NULL,
				cli_export_opts,
				_("KIND posts with --format mbox [--network N] writes the discussions as an\n"
				  "mbox archive that any mail client reads.\n"));
			return EXIT_OK;
		case ':': return cli_usage("export", _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option("export", argv[optind - 1], opts);
		}
	}
	if (argc - optind != 1)
		return cli_usage("export", _("say what to export: empirie export KIND"));
	if (strcmp(argv[optind], "posts") == 0) {
		if (export_format_check("posts", format) != EXIT_OK)
			return EXIT_USAGE;
		if (cli_open(c) != EXIT_OK)
			return EXIT_ERR;
		error me;
		return export_mbox(c->d, &c->me, (int)network, stdout, &me) == ST_OK ? EXIT_OK : cli_fail(&me);
	}
	int kind = xfer_kind_parse(argv[optind]);
	if (kind < 0)
		return unknown_kind("export", argv[optind]);
	bool json = strcmp(format, "json") == 0;
	if (export_format_check(argv[optind], format) != EXIT_OK)
		return EXIT_USAGE;
	if (cli_open(c) != EXIT_OK)
		return EXIT_ERR;
	if (!json && !sep)
		sep = raw_cells ? ',' : spreadsheet_separator();
	return write_export(c, kind, json, (char)sep, raw_cells, enc);
}
