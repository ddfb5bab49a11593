package kz.appeals.response.domain;

import java.time.Instant;

/** One change of an appeal's status, as the audit trail records it. {@code from} is null when the appeal arrives. */
public record StatusChange(AppealStatus from, AppealStatus to, String action, String actor, String bodyCode,
                           String reason, Instant at) {

    /** The change in one line, for the service-wide audit trail. */
    public String summary() {
        return from + " -> " + to + " at " + bodyCode + (reason == null ? "" : ": " + reason);
    }
}
