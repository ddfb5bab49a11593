package kz.appeals.intake.open311.domain;

import kz.appeals.intake.domain.CitizenStatus;

import java.util.Arrays;
import java.util.List;

/** The two statuses GeoReport v2 knows, read from the citizen's status; no status yet means just registered. */
public enum RequestStatus {
    OPEN, CLOSED;

    public static RequestStatus of(CitizenStatus status) {
        return status != null && status.isClosed() ? CLOSED : OPEN;
    }

    /** The citizen statuses that count as closed, for queries filtering by status. */
    public static List<CitizenStatus> closedStatuses() {
        return Arrays.stream(CitizenStatus.values()).filter(CitizenStatus::isClosed).toList();
    }

    /** The word on the wire: {@code open} or {@code closed}. */
    public String wireName() {
        return name().toLowerCase();
    }
}
