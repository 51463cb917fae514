package dev.portico.web.console;

import dev.portico.application.RentalReports;
import dev.portico.application.RentalSearch;
import dev.portico.application.RentalSummary;
import dev.portico.domain.rental.CarModel;
import dev.portico.domain.rental.MileageBand;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalTimes;
import dev.portico.domain.rental.RentalRecord;
import dev.portico.domain.rental.RentalTotals;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rentals screen: filters (time-in days, car model, gender, renter name prefix), the reports
 * over what they select (charts and their numbers) and the selected rentals as a lazy table paged
 * by the database. The table's row count is the report's total, so paging costs one query a page.
 */
@Named
@ViewScoped
public class RentalsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The default range: this many days up to the day of the latest rental. */
    static final int DEFAULT_DAYS = 30;

    @EJB
    private RentalSearch search;

    @EJB
    private RentalReports reports;

    private LocalDate from;
    private LocalDate to;
    private String car = "";
    private String gender = "";
    private String renter = "";

    private RentalQuery query;
    private RentalSummary summary;
    private final Rows rows = new Rows();

    @PostConstruct
    void init() {
        to = search.latestDay().filter(RentalTimes::storable).orElse(LocalDate.now());
        from = to.minusDays(DEFAULT_DAYS - 1L);
        if (from.isBefore(RentalTimes.FIRST_DAY)) {
            from = RentalTimes.FIRST_DAY;
        }
        select(RentalQuery.between(from, to));
    }

    /** Applies the filters: reports and table show what they select, the table from its first page. */
    public void apply() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!RentalTimes.storable(from) || !RentalTimes.storable(to)) {
            fieldError(context, RentalTimes.storable(from) ? "filters:to" : "filters:from",
                    "Days run from " + RentalTimes.FIRST_DAY + " to " + RentalTimes.LAST_DAY + ".");
            return;
        }
        if (to.isBefore(from)) {
            fieldError(context, "filters:to", "The last day must not be before the first day.");
            return;
        }
        try {
            select(new RentalQuery(from, to, car.isEmpty() ? null : CarModel.parse(car).orElse(null),
                    gender.isEmpty() ? null : gender.charAt(0), renter));
        } catch (IllegalArgumentException e) {
            fieldError(context, "filters:renter", e.getMessage());
            return;
        }
        if (context.getViewRoot().findComponent(":results:rentals") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    private void select(RentalQuery selected) {
        query = selected;
        summary = reports.summary(selected);
        rows.setRowCount(rows.count(Map.of())); // the paginator's total is the new selection's, not the first one's
    }

    private static void fieldError(FacesContext context, String clientId, String text) {
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
    }

    public LazyDataModel<RentalRecord> getRows() {
        return rows;
    }

    /** The applied filters. */
    public RentalQuery getQuery() {
        return query;
    }

    /**
     * The applied filters in words, as the summary begins: {@code Rentals with a time in from 2024-01-01 to 2024-01-31,
     * car model Axia, gender Female, renter name starting with "Mi"}; a filter not set is not named.
     */
    public String getSelection() {
        StringBuilder words = new StringBuilder("Rentals with a time in from " + query.from() + " to " + query.to());
        if (query.car() != null) {
            words.append(", car model ").append(query.car().label());
        }
        if (query.gender() != null) {
            words.append(", gender ").append(RentalCharts.genderWord(query.gender().toString()));
        }
        if (query.renterPrefix() != null && !query.renterPrefix().isEmpty()) {
            words.append(", renter name starting with \"").append(query.renterPrefix()).append('"');
        }
        return words.toString();
    }

    public RentalSummary getSummary() {
        return summary;
    }

    public String getCarModelChart() {
        return RentalCharts.perCarModel(summary);
    }

    public String getGenderChart() {
        return RentalCharts.perGender(summary);
    }

    public String getPerPeriodChart() {
        return RentalCharts.perPeriod(summary, query.from(), query.to());
    }

    /** What the per-period counts count: day, month or year, as long as the range is. */
    public String getPeriod() {
        return summary.period().word();
    }

    /** The same as its column's heading: Day, Month or Year. */
    public String getPeriodHeading() {
        String word = getPeriod();
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public String getMileageChart() {
        return RentalCharts.perMileageBand(summary);
    }

    public String getDurationChart() {
        return RentalCharts.averageDuration(summary);
    }

    public List<Map.Entry<String, RentalTotals>> getCarModelNumbers() {
        return new ArrayList<>(summary.perCarModel().entrySet());
    }

    /** Rentals per gender, named as the chart and the filter name them (Female, Male). */
    public List<Map.Entry<String, Long>> getGenderNumbers() {
        return summary.perGender().entrySet().stream().map(e -> Map.entry(RentalCharts.genderWord(e.getKey()), e.getValue())).toList();
    }

    /** The periods with rentals, as written (2024-03-01, 2024-03, 2024), and their counts. */
    public List<Map.Entry<String, Long>> getPeriodNumbers() {
        List<Map.Entry<String, Long>> numbers = new ArrayList<>();
        summary.perPeriod().forEach((start, count) -> numbers.add(Map.entry(summary.period().label(start), count)));
        return numbers;
    }

    /** Every band, with zero for bands without rentals. */
    public List<Map.Entry<String, Long>> getMileageNumbers() {
        List<Map.Entry<String, Long>> numbers = new ArrayList<>();
        for (MileageBand band : MileageBand.values()) {
            numbers.add(Map.entry(band.label(), summary.perMileageBand().getOrDefault(band, 0L)));
        }
        return numbers;
    }

    /** The export link of what the filters select (the applied filters, not what is typed but not applied). */
    public String getExportUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/rentals/export.csv?"
                + RentalFilterParameters.queryString(query);
    }

    /** A duration in seconds as {@code 12 h 05 min}; a dash for none. */
    public String duration(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        long minutes = Math.round(seconds / 60);
        return String.format("%d h %02d min", minutes / 60, minutes % 60);
    }

    public List<CarModel> getCarModels() {
        return List.of(CarModel.values());
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getCar() {
        return car;
    }

    public void setCar(String car) {
        this.car = car == null ? "" : car;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender == null ? "" : gender;
    }

    public String getRenter() {
        return renter;
    }

    public void setRenter(String renter) {
        this.renter = renter == null ? "" : renter;
    }

    /** The selected rentals, a page at a time from the database; the count is the summary's total. */
    private final class Rows extends LazyDataModel<RentalRecord> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, summary.overall().rentals());
        }

        @Override
        public List<RentalRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            boolean newestFirst = sortBy.values().stream().findFirst().map(s -> s.getOrder() != SortOrder.ASCENDING).orElse(true);
            return search.page(query, newestFirst, first, Math.min(pageSize, RentalSearch.MAX_PAGE), summary.overall().rentals());
        }

        @Override
        public String getRowKey(RentalRecord rental) {
            return String.valueOf(rental.id());
        }

        @Override
        public RentalRecord getRowData(String rowKey) {
            return getWrappedData().stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
