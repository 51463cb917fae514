package dev.portico.web.rest;

import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerOrder;
import dev.portico.domain.customer.CustomerPosition;
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
        assertEquals(120, CustomerPageRequest.parse(parameters("age", "0120")).filter().age(), "leading zeros, as an age may be written");
        assertEquals(CustomerOrder.AGE_ASCENDING, CustomerPageRequest.parse(parameters("sort", "age")).order());
    }

    @Test
    void afterContinuesInTheSortsOwnTermsFromTheFirstRow() {
        assertTrue(CustomerPageRequest.asked(parameters("after", "name:ada")));
        assertEquals(new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_DESCENDING, 0, 100, CustomerPosition.afterName(" ada ")),
                CustomerPageRequest.parse(parameters("after", "name: ada ", "sort", "-name")), "a cursor is taken verbatim, not stripped");
        assertEquals(new CustomerQuery(new CustomerFilter("", "", 40), CustomerOrder.AGE_ASCENDING, 0, 5, CustomerPosition.afterAge(40, 12)),
                CustomerPageRequest.parse(parameters("after", "age:40,12", "sort", "age", "age", "40", "limit", "5", "offset", "")),
                "an empty offset is no offset");
        assertEquals(new CustomerQuery(CustomerFilter.NONE, CustomerOrder.NAME_ASCENDING, 3, 100),
                CustomerPageRequest.parse(parameters("after", "", "offset", "3")), "an empty after is none");
    }

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.add(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }
}
