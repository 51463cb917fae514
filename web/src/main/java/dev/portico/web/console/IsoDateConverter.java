package dev.portico.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day as YYYY-MM-DD, strictly: a day the calendar does not have (2024-02-30) is refused with a message, as the API
 * refuses it, where the date picker's own conversion would quietly take the last day of the month instead.
 */
@FacesConverter("portico.isoDate")
public class IsoDateConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()); // ISO_LOCAL_DATE resolves strictly
        } catch (DateTimeParseException e) {
            String text = "Not a day: " + value.strip() + " (write it as YYYY-MM-DD).";
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text), e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : value.toString();
    }
}
