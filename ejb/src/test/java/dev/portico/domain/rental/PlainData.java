package dev.portico.domain.rental;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tests write payloads as the plain Java data a pickle decodes to; this types them as a channel's edge does. */
final class PlainData {

    private PlainData() {
    }

    static SentValue sent(Object plain) {
        if (plain == null) {
            return new SentValue.Nothing();
        } else if (plain instanceof String text) {
            return new SentValue.Text(text);
        } else if (plain instanceof Boolean truth) {
            return new SentValue.Truth(truth);
        } else if (plain instanceof Long || plain instanceof Integer || plain instanceof BigInteger) {
            return new SentValue.Whole(new BigInteger(plain.toString()));
        } else if (plain instanceof Double number) {
            return new SentValue.Real(number);
        } else if (plain instanceof byte[] bytes) {
            return new SentValue.Bytes(bytes.length);
        } else if (plain instanceof List<?> list) {
            List<SentValue> items = new ArrayList<>();
            list.forEach(item -> items.add(sent(item)));
            return new SentValue.Items(items);
        } else if (plain instanceof Map<?, ?> map) {
            Map<SentValue, SentValue> entries = new LinkedHashMap<>();
            map.forEach((key, value) -> entries.put(sent(key), sent(value)));
            return new SentValue.Mapping(entries);
        }
        throw new IllegalArgumentException("not plain data: " + plain.getClass().getName());
    }
}
