package dev.portico.interfaces.socket;

import dev.portico.domain.rental.SentValue;
import dev.portico.jca.api.RentalValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The socket channel's typed rental values ({@link RentalValue}) as the domain's ({@link SentValue}), one for one. */
final class SentValues {

    private SentValues() {
    }

    static SentValue of(RentalValue value) {
        if (value instanceof RentalValue.Text text) {
            return new SentValue.Text(text.text());
        } else if (value instanceof RentalValue.Whole whole) {
            return new SentValue.Whole(whole.number());
        } else if (value instanceof RentalValue.Real real) {
            return new SentValue.Real(real.number());
        } else if (value instanceof RentalValue.Truth truth) {
            return new SentValue.Truth(truth.value());
        } else if (value instanceof RentalValue.Bytes bytes) {
            return new SentValue.Bytes(bytes.length());
        } else if (value instanceof RentalValue.Items items) {
            List<SentValue> converted = new ArrayList<>(items.items().size());
            items.items().forEach(item -> converted.add(of(item)));
            return new SentValue.Items(items.size(), converted);
        } else if (value instanceof RentalValue.Mapping mapping) {
            Map<SentValue, SentValue> converted = new LinkedHashMap<>();
            mapping.entries().forEach((key, entry) -> converted.put(of(key), of(entry)));
            return new SentValue.Mapping(converted);
        }
        return new SentValue.Nothing();
    }
}
