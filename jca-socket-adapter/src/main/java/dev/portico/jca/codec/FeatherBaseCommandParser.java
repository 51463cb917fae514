package dev.portico.jca.codec;

import dev.portico.jca.api.FeatherBaseCommand;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of one FeatherBase command (EOT removed): {@code operation \x01 arguments},
 * where the arguments are names and values separated by SOH, STX and ENQ in a fixed shape per
 * operation, and lists are TAB-separated.
 */
final class FeatherBaseCommandParser {

    private static final char SOH = '\u0001';
    private static final char STX = '\u0002';
    private static final char ENQ = '\u0005';
    private static final char TAB = '\t';

    /** A command that does not have its operation's shape. */
    static final class MalformedCommandException extends Exception {
        MalformedCommandException(String message) {
            super(message);
        }
    }

    private FeatherBaseCommandParser() {
    }

    static FeatherBaseCommand parse(String text) throws MalformedCommandException {
        int soh = text.indexOf(SOH);
        String operation = soh < 0 ? text : text.substring(0, soh);
        String arguments = soh < 0 ? "" : text.substring(soh + 1);
        switch (operation) {
            case "getdbs":
                if (soh < 0 || !arguments.isEmpty()) { // getdbs\x01\x04, exactly: the reference server refused getdbs\x04 too
                    throw new MalformedCommandException("getdbs takes no arguments, after its \\x01");
                }
                return new FeatherBaseCommand.ListDatabases();
            case "createdb":
                return new FeatherBaseCommand.CreateDatabase(name(expect(arguments, "").get(0)));
            case "deldb":
                return new FeatherBaseCommand.DeleteDatabase(name(expect(arguments, "").get(0)));
            case "gettbls":
                return new FeatherBaseCommand.ListTables(name(expect(arguments, "").get(0)));
            default:
                return parseWithArguments(operation, arguments);
        }
    }

    private static FeatherBaseCommand parseWithArguments(String operation, String arguments) throws MalformedCommandException {
        List<String> p;
        switch (operation) {
            case "renamedb":
                p = expect(arguments, "" + STX);
                return new FeatherBaseCommand.RenameDatabase(name(p.get(0)), name(p.get(1)));
            case "addtbl":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.AddTable(name(p.get(0)), name(p.get(1)), p.get(2).isEmpty() ? List.of() : names(list(p.get(2))));
            case "deltbl":
                p = expect(arguments, "" + STX);
                return new FeatherBaseCommand.DeleteTable(name(p.get(0)), name(p.get(1)));
            case "renametbl":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.RenameTable(name(p.get(0)), name(p.get(1)), name(p.get(2)));
            case "addcol":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.AddColumn(name(p.get(0)), name(p.get(1)), name(p.get(2)));
            case "delcol":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.DeleteColumn(name(p.get(0)), name(p.get(1)), name(p.get(2)));
            case "renamecol":
                p = expect(arguments, "" + SOH + STX);
                List<String> columns = pair(p.get(2));
                return new FeatherBaseCommand.RenameColumn(name(p.get(0)), name(p.get(1)), name(columns.get(0)), name(columns.get(1)));
            case "addrow":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.AddRow(name(p.get(0)), name(p.get(1)), list(p.get(2)));
            case "getrow":
                p = expect(arguments, "" + SOH + STX);
                return new FeatherBaseCommand.GetRow(name(p.get(0)), name(p.get(1)), row(p.get(2)));
            case "getcell":
                p = expect(arguments, "" + SOH + STX);
                List<String> cell = pair(p.get(2));
                return new FeatherBaseCommand.GetCell(name(p.get(0)), name(p.get(1)), row(cell.get(0)), name(cell.get(1)));
            case "owrow":
                p = expect(arguments, "" + SOH + ENQ + STX);
                return new FeatherBaseCommand.OverwriteRow(name(p.get(0)), name(p.get(1)), row(p.get(2)), list(p.get(3)));
            case "owcell":
                p = expect(arguments, "" + SOH + STX + ENQ);
                List<String> target = pair(p.get(2));
                return new FeatherBaseCommand.OverwriteCell(name(p.get(0)), name(p.get(1)), row(target.get(0)), name(target.get(1)), value(p.get(3)));
            case "auth":
                p = expect(arguments, "" + STX);
                return new FeatherBaseCommand.Authenticate(name(p.get(0)), value(p.get(1)));
            default:
                throw new MalformedCommandException("unknown operation '" + operation + "'");
        }
    }

    /**
     * Splits the arguments at SOH, STX and ENQ and checks that exactly the expected separators
     * occur, in this order; returns the parts between them.
     */
    private static List<String> expect(String arguments, String separators) throws MalformedCommandException {
        List<String> parts = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        int from = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == SOH || c == STX || c == ENQ) {
                seen.append(c);
                parts.add(arguments.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(arguments.substring(from));
        if (!seen.toString().equals(separators)) {
            throw new MalformedCommandException("separators do not match the operation");
        }
        return parts;
    }

    /** A database, table, column or user name: not empty, no TAB. */
    private static String name(String text) throws MalformedCommandException {
        if (text.isEmpty() || text.indexOf(TAB) >= 0) {
            throw new MalformedCommandException("bad name '" + text + "'");
        }
        return text;
    }

    private static List<String> names(List<String> texts) throws MalformedCommandException {
        for (String text : texts) {
            name(text);
        }
        return texts;
    }

    /** A single value: anything without TAB. */
    private static String value(String text) throws MalformedCommandException {
        if (text.indexOf(TAB) >= 0) {
            throw new MalformedCommandException("TAB in a value");
        }
        return text;
    }

    private static List<String> list(String text) {
        return List.of(text.split(String.valueOf(TAB), -1));
    }

    private static List<String> pair(String text) throws MalformedCommandException {
        List<String> parts = list(text);
        if (parts.size() != 2) {
            throw new MalformedCommandException("expected two TAB-separated parts");
        }
        return parts;
    }

    /** A row number: decimal digits; one too large for a long is past the last row anyway. */
    private static long row(String text) throws MalformedCommandException {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedCommandException("row number is not a number: '" + text + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
