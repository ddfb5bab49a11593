package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.appk.WorkingCalendar;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.stream.Collectors;

/**
 * Reports where this year's and next year's working days come from, and which of them are provisional. Always UP:
 * a provisional year still counts the law's holidays, and every replica has the same calendar, so taking one out of
 * rotation would help no one; the alert on {@code appeals_calendar_days_until_provisional_year} asks for the data.
 */
@Readiness
@ApplicationScoped
public class WorkingCalendarReadiness implements HealthCheck {

    private final CalendarRegistry calendars;
    private final CalendarOutlook outlook;

    public WorkingCalendarReadiness(CalendarRegistry calendars, CalendarOutlook outlook) {
        this.calendars = calendars;
        this.outlook = outlook;
    }

    @Override
    public HealthCheckResponse call() {
        WorkingCalendar calendar = calendars.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("working-calendar").up();
        outlook.yearsAhead().forEach(year -> response.withData(Integer.toString(year),
                CalendarAdmin.basis(calendar, year)));
        String provisional = outlook.provisionalYearsAhead().stream().map(String::valueOf)
                .collect(Collectors.joining(","));
        return response.withData("provisional", provisional.isEmpty() ? "none" : provisional).build();
    }
}
