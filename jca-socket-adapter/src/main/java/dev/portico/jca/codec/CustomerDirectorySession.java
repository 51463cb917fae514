package dev.portico.jca.codec;

import dev.portico.jca.api.CustomerDirectoryReply;
import dev.portico.jca.api.CustomerDirectoryRequest;
import dev.portico.text.PythonRepr;
import dev.portico.text.PythonText;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The customer directory protocol: one UTF-8 line ending in {@code \n} per connection (framed by a
 * {@link DelimiterFramer}), fields separated by {@code |}; replies are UTF-8 text without terminator.
 */
public final class CustomerDirectorySession implements ProtocolSession<CustomerDirectoryRequest, CustomerDirectoryReply> {

    static final byte[] TOO_LONG = utf8("Input too long...");
    static final byte[] TIMED_OUT = utf8("Request timed out waiting for delimiter.");
    static final byte[] INCOMPLETE = utf8("Incomplete request (connection closed before delimiter).");
    static final byte[] EMPTY = utf8("Empty message received...");
    static final byte[] INVALID_CHOICE = utf8("invalid choice...\n");
    static final byte[] FIELD_COUNT = utf8("Input formate dismatch");
    static final byte[] ADD_FIELD_COUNT = utf8("Input formate dismatch.");

    /**
     * The most characters of a client's value an error reply echoes: the reference's whole 512-byte
     * line, so its replies stay byte-exact, while a listener given a longer line limit does not echo more.
     */
    static final int MAX_ECHO = 512;

    private ReplyOutput output = ReplyOutput.NONE;
    /** The report being answered, if the request is one; its end is written by {@link #render}. */
    private CustomerReportStream report;

    /** A connection's codec: lines of at most {@code maxLineBytes} bytes, not counting their {@code \n} (512 in the reference). */
    public static ConnectionCodec<CustomerDirectoryRequest, CustomerDirectoryReply> codec(int maxLineBytes) {
        return new ConnectionCodec<>(new DelimiterFramer((byte) '\n', maxLineBytes, false), new CustomerDirectorySession());
    }

    @Override
    public byte[] greeting() {
        return new byte[0];
    }

    @Override
    public void streamTo(ReplyOutput output) {
        this.output = output;
    }

    @Override
    public Decoded<CustomerDirectoryRequest> parse(byte[] frame) {
        return parse(PythonText.decodeUtf8(frame, 0, frame.length)); // ill-formed bytes become U+FFFD as the Python server made them
    }

    @Override
    public byte[] refused(FrameException problem) {
        return TOO_LONG.clone();
    }

    /** Turns one decoded line into a request or a direct answer. */
    Decoded<CustomerDirectoryRequest> parse(String rawLine) {
        String line = PythonText.strip(rawLine);
        if (line.isEmpty()) {
            return answer(EMPTY);
        }
        List<String> fields = Arrays.stream(line.split("\\|", -1)).map(PythonText::strip).toList();
        return switch (fields.get(0)) {
            case "1" -> fields.size() == 2 ? request(new CustomerDirectoryRequest.Find(fields.get(1))) : answer(FIELD_COUNT);
            case "2" -> fields.size() == 5
                    ? request(new CustomerDirectoryRequest.Add(line, fields.get(1), fields.get(2), fields.get(3), fields.get(4)))
                    : answer(ADD_FIELD_COUNT);
            case "3" -> fields.size() == 2 ? request(new CustomerDirectoryRequest.Delete(fields.get(1))) : answer(FIELD_COUNT);
            case "4" -> fields.size() == 3 ? request(new CustomerDirectoryRequest.UpdateAge(fields.get(1), fields.get(2))) : answer(FIELD_COUNT);
            case "5" -> fields.size() == 3 ? request(new CustomerDirectoryRequest.UpdateAddress(fields.get(1), fields.get(2))) : answer(FIELD_COUNT);
            case "6" -> fields.size() == 3 ? request(new CustomerDirectoryRequest.UpdatePhone(fields.get(1), fields.get(2))) : answer(FIELD_COUNT);
            case "7" -> {
                report = new CustomerReportStream(output);
                yield request(new CustomerDirectoryRequest.Report(report));
            }
            case "8" -> request(new CustomerDirectoryRequest.Export());
            default -> answer(INVALID_CHOICE);
        };
    }

    @Override
    public byte[] render(CustomerDirectoryReply reply) {
        if (reply instanceof CustomerDirectoryReply.ReportComplete) {
            return report == null ? new byte[0] : report.rest();
        }
        return utf8(text(reply));
    }

    private static String text(CustomerDirectoryReply reply) {
        if (reply instanceof CustomerDirectoryReply.Customer c) {
            return String.join("|", c.name(), c.age(), c.address(), c.phone());
        } else if (reply instanceof CustomerDirectoryReply.NotFound r) {
            return echo(r.name()) + " is not found in database";
        } else if (reply instanceof CustomerDirectoryReply.NotFoundToDelete r) {
            return echo(r.name()) + " is not found in the database";
        } else if (reply instanceof CustomerDirectoryReply.Added r) {
            return r.line() + " added to the database";
        } else if (reply instanceof CustomerDirectoryReply.AlreadyStored r) {
            return echo(r.name()) + " already stored in the database";
        } else if (reply instanceof CustomerDirectoryReply.Deleted r) {
            return r.name() + " deleted from the database";
        } else if (reply instanceof CustomerDirectoryReply.NameEmpty) {
            return "Customer name is empty.";
        } else if (reply instanceof CustomerDirectoryReply.Updated r) {
            return r.name() + "'s " + fieldWords(r.field()) + " is updated to the database";
        } else if (reply instanceof CustomerDirectoryReply.Skipped r) {
            return skipped(r);
        } else if (reply instanceof CustomerDirectoryReply.Exported) {
            return "File update successful.\n";
        } else {
            return "Server error occurred";
        }
    }

    private static String fieldWords(CustomerDirectoryReply.Field field) {
        return switch (field) {
            case AGE -> "age";
            case ADDRESS -> "address";
            case PHONE -> "phone number";
        };
    }

    private static String skipped(CustomerDirectoryReply.Skipped r) {
        String operation = r.operation() == CustomerDirectoryReply.Operation.ADDING ? "Adding" : "Update";
        List<String> values = r.detail().stream().map(CustomerDirectorySession::echo).toList();
        String detail = values.size() == 1 ? values.get(0) : PythonRepr.list(values);
        return "DB read error. " + operation + " skipped [" + r.reason() + "]: " + detail;
    }

    /** A value echoed in an error reply: itself, or its first {@link #MAX_ECHO} code points and {@code ...}. */
    static String echo(String value) {
        if (value.length() <= MAX_ECHO || value.codePointCount(0, value.length()) <= MAX_ECHO) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_ECHO)) + "...";
    }

    @Override
    public CustomerDirectoryReply serverError() {
        return new CustomerDirectoryReply.ServerError();
    }

    @Override
    public boolean oneRequestPerConnection() {
        return true;
    }

    @Override
    public byte[] timedOut() {
        return TIMED_OUT.clone();
    }

    @Override
    public byte[] incomplete() {
        return INCOMPLETE.clone();
    }

    private static Decoded<CustomerDirectoryRequest> request(CustomerDirectoryRequest request) {
        return new Decoded.Request<>(request);
    }

    private static Decoded<CustomerDirectoryRequest> answer(byte[] reply) {
        return new Decoded.Answer<>(reply.clone(), true);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
