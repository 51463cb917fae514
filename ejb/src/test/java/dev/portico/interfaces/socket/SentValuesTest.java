package dev.portico.interfaces.socket;

import dev.portico.domain.rental.SentValue;
import dev.portico.jca.api.RentalValue;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The socket channel's typed rental values reach the domain one for one, order of dict entries kept. */
class SentValuesTest {

    @Test
    void everyKindOfValueMapsToTheDomainsKindNestedAsSent() {
        Map<RentalValue, RentalValue> entries = new LinkedHashMap<>();
        entries.put(new RentalValue.Text("users"), new RentalValue.Items(List.of(
                new RentalValue.Items(List.of(new RentalValue.Text("Mira"), new RentalValue.Text("F"))))));
        entries.put(new RentalValue.Whole(BigInteger.TEN.pow(30)), new RentalValue.Items(List.of(
                new RentalValue.Real(1.5), new RentalValue.Truth(true), new RentalValue.Nothing(), new RentalValue.Bytes(3))));

        Map<SentValue, SentValue> expected = new LinkedHashMap<>();
        expected.put(new SentValue.Text("users"), new SentValue.Items(List.of(
                new SentValue.Items(List.of(new SentValue.Text("Mira"), new SentValue.Text("F"))))));
        expected.put(new SentValue.Whole(BigInteger.TEN.pow(30)), new SentValue.Items(List.of(
                new SentValue.Real(1.5), new SentValue.Truth(true), new SentValue.Nothing(), new SentValue.Bytes(3))));

        SentValue sent = SentValues.of(new RentalValue.Mapping(entries));
        assertEquals(new SentValue.Mapping(expected), sent);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(((SentValue.Mapping) sent).entries().keySet()));
    }
}
