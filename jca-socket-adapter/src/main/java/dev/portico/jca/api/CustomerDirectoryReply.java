package dev.portico.jca.api;

import java.util.List;

/** The answers an application gives to customer directory requests; the codec renders their bytes. */
public sealed interface CustomerDirectoryReply {

    /** A stored customer; empty strings for absent optional fields. */
    record Customer(String name, String age, String address, String phone) implements CustomerDirectoryReply { }

    /** Find, update: no such customer ({@code "... is not found in database"}). */
    record NotFound(String name) implements CustomerDirectoryReply { }

    /** Delete: no such customer ({@code "... is not found in the database"}). */
    record NotFoundToDelete(String name) implements CustomerDirectoryReply { }

    /** Add succeeded; echoes the request line. */
    record Added(String line) implements CustomerDirectoryReply { }

    /** Add refused: the name is taken (case-insensitively). */
    record AlreadyStored(String name) implements CustomerDirectoryReply { }

    /** Delete succeeded. */
    record Deleted(String name) implements CustomerDirectoryReply { }

    /** Delete with an empty name. */
    record NameEmpty() implements CustomerDirectoryReply { }

    /** An update of one field succeeded. */
    record Updated(String name, Field field) implements CustomerDirectoryReply { }

    /**
     * A change refused by validation: {@code "DB read error. <operation> skipped [<reason>]: <detail>"}.
     * A single detail value is written as is; several are written as a Python list.
     */
    record Skipped(Operation operation, String reason, List<String> detail) implements CustomerDirectoryReply {
        public Skipped {
            detail = List.copyOf(detail);
        }
    }

    /**
     * The end of the report (command 7): every customer was sent through the request's
     * {@link CustomerDirectoryRequest.Report#customers() stream} (the report's header goes out even
     * when there were none).
     */
    record ReportComplete() implements CustomerDirectoryReply { }

    /** The export (command 8) was written. */
    record Exported() implements CustomerDirectoryReply { }

    /** Anything unexpected: {@code "Server error occurred"}. */
    record ServerError() implements CustomerDirectoryReply { }

    /** The field an update changed. */
    enum Field { AGE, ADDRESS, PHONE }

    /** The word the reference server used for a refused change. */
    enum Operation { ADDING, UPDATE }
}
