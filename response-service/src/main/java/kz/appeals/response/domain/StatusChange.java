package kz.appeals.response.domain;

import java.time.Instant;

/** One change of an appeal's status, as the audit trail records it. {@code from} is null when the appeal arrives. */
public record StatusChange(AppealStatus from, AppealStatus to, String action, String actor, String bodyCode,
                           String reason, Instant at) {
}
