/* test_report_format.c — the report's formats (report_formats, core/report.c) are looked
 * up by name: every name gives its own format, whatever the order of the table's rows,
 * and every format has a name (no hole would end the list the completion and the help
 * read early). */
#include "tap.h"
#include "core/report.h"

int main(void)
{
	is_int(report_format_parse("text"), REPORT_TEXT, "text is REPORT_TEXT");
	is_int(report_format_parse("csv"), REPORT_CSV, "csv is REPORT_CSV");
	is_int(report_format_parse("json"), REPORT_JSON, "json is REPORT_JSON");
	is_int(report_format_parse(NULL), REPORT_TEXT, "none given: text");
	is_int(report_format_parse("xml"), -1, "xml is not a format");
	is_int(report_format_parse("CSV"), -1, "names are exact");
	int n = 0;
	while (report_formats[n])
		n++;
	is_int(n, REPORT_N_FORMATS, "every format has a name, and the list ends after them");
	for (int f = 0; f < REPORT_N_FORMATS && report_formats[f]; f++)
		is_int(report_format_parse(report_formats[f]), f, "%s: its name gives it back",
		       report_formats[f]);
	return tap_done();
}
