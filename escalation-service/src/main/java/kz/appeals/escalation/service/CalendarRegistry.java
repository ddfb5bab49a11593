package kz.appeals.escalation.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.WorkingCalendar;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The working calendar in force: the holidays law's rule and the years shipped in the appk library, overridden by the
 * years an operator loaded through the admin API (table {@code calendar_year}); {@link CalendarOutlook} tells which
 * coming years are provisional. Each replica rereads the table on a schedule, so a year loaded on one replica reaches
 * all of them; until then, and if a stored year could not be read, the previous calendar stays in force.
 */
@ApplicationScoped
public class CalendarRegistry {

    private static final Logger LOG = Logger.getLogger(CalendarRegistry.class);

    private final EntityManager entityManager;
    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>(WorkingCalendar.bundled());

    public CalendarRegistry(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public WorkingCalendar current() {
        return current.get();
    }

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(identity = "calendar-refresh", every = "${appeals.escalation.calendar-refresh-every}",
            delayed = "${appeals.escalation.calendar-refresh-every}")
    @Transactional(Transactional.TxType.REQUIRED)
    public void reload() {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select year, source from calendar_year order by year")
                .getResultList();
        for (Object[] row : rows) {
            int year = ((Number) row[0]).intValue();
            try {
                calendar = calendar.withYear(CalendarYear.parse(year, new StringReader((String) row[1])));
            } catch (IllegalArgumentException e) {
                LOG.errorf("Stored calendar for %d is unreadable, keeping the calendar in force: %s", year,
                        e.getMessage());
                return;
            }
        }
        current.set(calendar);
    }
}
