package dev.portico.jca.codec;

import dev.portico.jca.api.CustomerDirectoryReply.Customer;
import dev.portico.jca.api.ReplyStream;

import java.nio.charset.StandardCharsets;

/**
 * The report (command 7) as it is streamed: the header before the first customer, then one line
 * per customer, each written to the connection's output as it is sent; {@link #rest()} is what
 * the end of the report still has to write (the header alone, when no customer was sent).
 */
final class CustomerReportStream implements ReplyStream<Customer> {

    private static final byte[] HEADER = CustomerReportFormat.HEADER.getBytes(StandardCharsets.UTF_8);

    private final ReplyOutput output;
    private boolean started;

    CustomerReportStream(ReplyOutput output) {
        this.output = output;
    }

    @Override
    public void send(Customer customer) {
        byte[] line = CustomerReportFormat.line(customer).getBytes(StandardCharsets.UTF_8);
        if (!started) {
            output.write(HEADER);
            started = true;
        }
        output.write(line);
    }

    byte[] rest() {
        return started ? new byte[0] : HEADER.clone();
    }
}
