package kz.appeals.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.appk.CalendarFormatException;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.CloudEventReader;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The working-day calendar a service counts with beside the escalation service, which owns it: the holidays law's
 * rule and the years shipped in {@code appk}, amended year by year by what operators load into escalation (published
 * on the compacted {@code appeals.calendar}), so every service counts with the same days and next year's decree needs
 * no release. A year without either follows the rule alone (provisional, see {@code WorkingCalendar.isProvisional}).
 *
 * <p>A service reads the topic from its beginning on every start, in a group of its own per instance (its
 * {@code calendar} channel), and hands each record to {@link #accept}. The calendar lives in memory, so there is no
 * inbox: applying a year twice is harmless.
 */
@ApplicationScoped
public class CalendarInForce {

    private static final Logger LOG = Logger.getLogger(CalendarInForce.class);

    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>(WorkingCalendar.bundled());

    public WorkingCalendar current() {
        return current.get();
    }

    /** The deadline rules, always with the calendar in force at the moment they count. */
    public DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(this::current);
    }

    /** A record of the calendar topic; anything but a published year is skipped. */
    public void accept(ConsumerRecord<String, String> record) {
        IncomingEvent event = CloudEventReader.read(record);
        if (event.type() != EventType.CALENDAR_YEAR_PUBLISHED) {
            return;
        }
        try {
            apply(event.dataAs(CalendarYearPublished.class));
        } catch (CalendarFormatException e) {
            throw new UnprocessableEventException("Published calendar does not parse: " + e.getMessage(), e);
        }
    }

    /** Replaces (or adds) the published year; the text is the same CSV the escalation service accepted. */
    public void apply(CalendarYearPublished published) {
        CalendarYear year = CalendarYear.parse(published.year(), new StringReader(published.source()));
        current.updateAndGet(calendar -> calendar.withYear(year));
        LOG.infof("Working calendar %d in force as published at %s", published.year(), published.occurredAt());
    }
}
