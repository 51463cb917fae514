package dev.portico.web.console;

import dev.portico.application.RentalSearch;
import dev.portico.domain.rental.RentalQuery;
import dev.portico.domain.rental.RentalRecord;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * The rentals page's CSV download: the rentals its filters select (see {@link RentalFilterParameters}),
 * oldest first, streamed in keyset pages of {@value #PAGE} so that no more than one page is ever in memory.
 */
@WebServlet("/rentals/export.csv")
public class RentalsCsvExport extends HttpServlet {

    static final int PAGE = 1000;

    @EJB
    private RentalSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RentalQuery query;
        try {
            query = RentalFilterParameters.parse(request::getParameter);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(e.getMessage());
            return;
        }
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"rentals-" + query.from() + "-to-" + query.to() + ".csv\"");
        PrintWriter out = response.getWriter();
        out.write(RentalCsv.HEADER);
        RentalRecord last = null;
        List<RentalRecord> page;
        do {
            page = search.after(query, last, PAGE);
            for (RentalRecord rental : page) {
                out.write(RentalCsv.line(rental));
            }
            out.flush();
            last = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == PAGE && !out.checkError()); // a writer keeps its errors: a client gone stops the reading
    }
}
