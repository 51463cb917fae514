package dev.portico.jca.api;

/** A well-formed customer directory request: the command and its trimmed fields. */
public sealed interface CustomerDirectoryRequest {

    /** {@code 1|name}: look a customer up. */
    record Find(String name) implements CustomerDirectoryRequest { }

    /** {@code 2|name|age|address|phone}; {@code line} is the whole trimmed request, echoed on success. */
    record Add(String line, String name, String age, String address, String phone) implements CustomerDirectoryRequest { }

    /** {@code 3|name}. */
    record Delete(String name) implements CustomerDirectoryRequest { }

    /** {@code 4|name|age}; an empty age clears it. */
    record UpdateAge(String name, String age) implements CustomerDirectoryRequest { }

    /** {@code 5|name|address}. */
    record UpdateAddress(String name, String address) implements CustomerDirectoryRequest { }

    /** {@code 6|name|phone}; an empty phone clears it. */
    record UpdatePhone(String name, String phone) implements CustomerDirectoryRequest { }

    /**
     * {@code 7}: the report of all customers. Send them, sorted by lower-cased name, through
     * {@code customers} (each is written to the client as it is sent), then answer
     * {@link CustomerDirectoryReply.ReportComplete}.
     */
    record Report(ReplyStream<CustomerDirectoryReply.Customer> customers) implements CustomerDirectoryRequest { }

    /** {@code 8}: write a snapshot of the directory to the export file. */
    record Export() implements CustomerDirectoryRequest { }
}
