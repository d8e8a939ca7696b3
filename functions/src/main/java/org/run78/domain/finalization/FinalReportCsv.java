package org.run78.domain.finalization;

/**
 * The report's region table as CSV (RFC 4180: CRLF line ends, fields quoted where needed),
 * starting with a UTF-8 byte order mark so that a spreadsheet opens the Chinese names as
 * UTF-8 rather than the system's code page.
 */
public final class FinalReportCsv {
    public static final String BOM = "\uFEFF";
    public static final String HEADER = "rank,code,name,nameEn,steps,donations,aidedCode";

    private FinalReportCsv() {}

    public static String regions(FinalReport report) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (FinalReport.RegionLine r : report.regions()) {
            csv.append(r.rank()).append(',')
                    .append(field(r.code())).append(',')
                    .append(field(r.name())).append(',')
                    .append(field(r.nameEn())).append(',')
                    .append(r.steps()).append(',')
                    .append(r.donations()).append(',')
                    .append(field(r.aidedCode())).append("\r\n");
        }
        return csv.toString();
    }

    /** A text field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
