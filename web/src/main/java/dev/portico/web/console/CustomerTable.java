package dev.portico.web.console;

import dev.portico.application.CustomerDirectoryService;
import dev.portico.application.CustomerView;
import dev.portico.domain.customer.CustomerFilter;
import dev.portico.domain.customer.CustomerQuery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The customers table's rows, one page at a time from the directory; a row's key is the customer's name. */
class CustomerTable extends LazyDataModel<CustomerView> {

    private static final long serialVersionUID = 1L;

    private final CustomerDirectoryService directory;
    /** Whether the last page asked for was filtered by an age that is no age (it matches no one). */
    private boolean ageUnreadable;

    CustomerTable(CustomerDirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        Optional<CustomerFilter> filter = CustomerTableQuery.filter(filterBy);
        return filter.map(f -> (int) Math.min(Integer.MAX_VALUE, directory.count(f))).orElse(0);
    }

    /** What the table says when it shows no one: why, when the age filter is no age. */
    String emptyMessage() {
        return ageUnreadable ? "No customers: the age filter takes a whole number of at most three digits, e.g. 42" : "No customers";
    }

    /**
     * One page. On the first page the row count is reset so that PrimeFaces counts again (it counts
     * before every later page, but keeps a first page's count even after changes and new filters);
     * a first page shorter than the page size is then its own count, with no count query.
     */
    @Override
    public List<CustomerView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (first == 0) {
            setRowCount(0);
        }
        Optional<CustomerFilter> filter = CustomerTableQuery.filter(filterBy);
        ageUnreadable = filter.isEmpty();
        if (filter.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(pageSize, CustomerQuery.MAX_LIMIT));
        CustomerQuery query = new CustomerQuery(filter.get(), CustomerTableQuery.order(sortBy), Math.max(0, first), limit);
        // Past the first page PrimeFaces has just counted: a page in the second half is read from the other end.
        return first > 0 && first < getRowCount() ? directory.page(query, getRowCount()) : directory.page(query).customers();
    }

    @Override
    public String getRowKey(CustomerView customer) {
        return customer.name();
    }

    @Override
    public CustomerView getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : getWrappedData().stream().filter(customer -> customer.name().equals(rowKey)).findFirst().orElse(null);
    }
}
