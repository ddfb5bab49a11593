package kz.appeals.escalation.service;

import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.Deadline;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose deadlines a caller reads, by the body its token names — the same scopes as an office's and an akimat's
 * inbox in response-service: an akim's office its own body's appeals; a district or regional akimat those located
 * in its territory and those its body holds (routed to it or escalated to it); the Presidential Administration,
 * analysts and administrators every appeal. A deadline outside the scope is reported as absent.
 */
public record DeadlineReader(Scope scope, String katoCode) {

    public enum Scope { OFFICE, DISTRICT_AKIMAT, REGION_AKIMAT, NATIONWIDE }

    public static final DeadlineReader NATIONWIDE = new DeadlineReader(Scope.NATIONWIDE, null);

    public DeadlineReader {
        if (scope != Scope.NATIONWIDE) {
            Objects.requireNonNull(katoCode, "a territorial reader names its body");
        }
    }

    public boolean sees(Deadline deadline) {
        return switch (scope) {
            case NATIONWIDE -> true;
            case OFFICE -> holds(deadline);
            case DISTRICT_AKIMAT -> katoCode.equals(deadline.districtKato()) || holds(deadline);
            case REGION_AKIMAT -> katoCode.equals(deadline.regionKato()) || holds(deadline);
        };
    }

    /** The body routing named, or the one it was escalated to, is the reader's. */
    private boolean holds(Deadline deadline) {
        return isReaders(deadline.body()) || isReaders(deadline.currentBody());
    }

    private boolean isReaders(Optional<AnsweringBody> body) {
        return body.map(AnsweringBody::katoCode).filter(katoCode::equals).isPresent();
    }
}
