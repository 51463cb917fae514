package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerQuery;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerPageRequestTest {

    @Test
    void noPagingParameterMeansTheWholeStreamedReport() {
        assertFalse(CustomerPageRequest.asked(parameters()));
        assertFalse(CustomerPageRequest.asked(parameters("format", "x")));
        assertTrue(CustomerPageRequest.asked(parameters("limit", "5")));
        assertTrue(CustomerPageRequest.asked(parameters("name", "")));
    }

    @Test
    void anEmptyPageRequestIsTheFirstHundredByName() {
        assertEquals(new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 0, 100), CustomerPageRequest.parse(parameters("name", "")));
    }

    @Test
    void filtersSortAndPagingAreReadStrippedAsTheSocketStripsFields() {
        CustomerQuery query = CustomerPageRequest.parse(parameters("name", " Ad ", "phone", "394", "age", "36", "sort", "-age",
                "offset", "20", "limit", "1000"));
        assertEquals(new CustomerQuery(new CustomerFilter("Ad", "394", 36), CustomerOrder.AGE_DESCENDING, 20, 1000), query);
        assertEquals(CustomerOrder.NAME_DESCENDING, CustomerPageRequest.parse(parameters("sort", "-name")).order());
        assertEquals(CustomerOrder.AGE_ASCENDING, CustomerPageRequest.parse(parameters("sort", "age")).order());
    }

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.add(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }
}
