package kz.appeals.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.platform.calendar.CalendarInForce;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The calendar escalation publishes, for registration days and the citizen's due dates (see {@link CalendarInForce}). */
@ApplicationScoped
public class CalendarConsumer {

    private final CalendarInForce calendar;

    public CalendarConsumer(CalendarInForce calendar) {
        this.calendar = calendar;
    }

    @Incoming("calendar")
    @Blocking
    public void onCalendarYear(ConsumerRecord<String, String> record) {
        calendar.accept(record);
    }
}
