package kz.appeals.escalation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.escalation.service.CalendarAdmin;
import kz.appeals.escalation.service.CalendarAdmin.CalendarYearView;
import kz.appeals.escalation.service.CalendarAdmin.YearChanges;
import kz.appeals.escalation.service.CalendarAdmin.YearLoaded;
import kz.appeals.escalation.service.CalendarRecalculation;
import kz.appeals.escalation.service.CalendarRegistry;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The working calendar per year: read by anyone who sees deadlines, loaded by an administrator. */
@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar", description = "Holidays and transfers of days off per year (APPK terms count working days)")
public class CalendarResource {

    private static final Logger LOG = Logger.getLogger(CalendarResource.class);

    private final CalendarAdmin admin;
    private final CalendarRegistry calendars;
    private final CalendarRecalculation recalculation;
    private final Caller caller;

    public CalendarResource(CalendarAdmin admin, CalendarRegistry calendars, CalendarRecalculation recalculation,
                            Caller caller) {
        this.admin = admin;
        this.calendars = calendars;
        this.recalculation = recalculation;
        this.caller = caller;
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION,
            Roles.ANALYST, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The year's holidays, transfers, weekdays off and number of working days in force, and whether "
            + "the year is provisional (computed from the holidays law alone, its decree not loaded)")
    public CalendarYearView year(@PathParam("year") int year) {
        return admin.view(year);
    }

    /**
     * Takes effect on this replica at once and on the others within {@code appeals.escalation.calendar-refresh-every};
     * the running deadlines whose term counts days of the year are then recalculated on it.
     */
    @PUT
    @Path("/{year}")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load or replace a year's data file (the appk calendar format); a bad line is named and "
            + "nothing changes. Answers the days that became days off or working days against the calendar in force "
            + "before")
    public YearLoaded load(@PathParam("year") int year, String source) {
        YearChanges changes = admin.load(year, source, caller.accountRef());
        calendars.reload();
        int recalculated = recalculation.recalculate(year);
        LOG.infof("Calendar %d loaded by %s (was %s): %d day(s) became days off, %d working days; %d running "
                        + "deadline(s) recalculated", year, caller.accountRef(), changes.previousBasis(),
                changes.becameDaysOff().size(), changes.becameWorkingDays().size(), recalculated);
        return new YearLoaded(changes, recalculated, admin.view(year));
    }
}
