package kz.appeals.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.appk.CalendarFormatException;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.EventType;
import kz.appeals.intake.service.CalendarInForce;
import kz.appeals.platform.inbox.CloudEventReader;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the compacted calendar topic from its beginning on every start (a group of its own per instance, see
 * application.properties): the calendar lives in memory, so there is no inbox — applying a year twice is harmless.
 */
@ApplicationScoped
public class CalendarConsumer {

    private final CalendarInForce calendar;

    public CalendarConsumer(CalendarInForce calendar) {
        this.calendar = calendar;
    }

    @Incoming("calendar")
    @Blocking
    public void onCalendarYear(ConsumerRecord<String, String> record) {
        IncomingEvent event = CloudEventReader.read(record);
        if (event.type() != EventType.CALENDAR_YEAR_PUBLISHED) {
            return;
        }
        try {
            calendar.apply(event.dataAs(CalendarYearPublished.class));
        } catch (CalendarFormatException e) {
            throw new UnprocessableEventException("Published calendar does not parse: " + e.getMessage(), e);
        }
    }
}
