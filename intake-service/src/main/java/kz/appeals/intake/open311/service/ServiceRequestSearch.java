package kz.appeals.intake.open311.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.intake.domain.AppealStep;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.domain.Publication;
import kz.appeals.intake.service.ApplicantVault;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.intake.open311.domain.RequestStatus;
import kz.appeals.intake.open311.domain.RequestWindow;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** GET requests and GET requests/{id}: appeals as GeoReport service requests, with the standard's filters. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceRequestSearch {

    private static final Logger LOG = Logger.getLogger(ServiceRequestSearch.class);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final String SELECT = """
            select new kz.appeals.intake.open311.service.StoredRequest(a.id, a.publication, a.applicantSealed,
                a.receiptNumber, a.categoryCode, a.description, a.katoCode, a.latitude, a.longitude, a.addressText, a.registeredAt, a.registrationDay, p.status,
                p.bodyNameKk, p.bodyNameRu, p.dueOn, p.statusNotes, p.updatedAt, o.mediaUrl, s.latitude, s.longitude)
            from Appeal a
            left join AppealProgress p on p.appealId = a.id
            left join Open311Origin o on o.appealId = a.id
            left join KnownSettlement s on s.katoCode = a.katoCode
            """;
    /**
     * GeoReport reads are public: the list holds only appeals whose applicant chose to publish them, in categories
     * that are not about a person's own situation. Anonymous crime reports never appear, not even by id.
     */
    private static final String LISTED = " and a.anonymousSignal = false and a.publication = :public"
            + " and a.categoryCode in :listed";
    private static final String FOLLOWABLE = " and a.anonymousSignal = false";

    private final EntityManager entityManager;
    private final ApplicantVault vault;
    private final Clock clock;

    public ServiceRequestSearch(EntityManager entityManager, ApplicantVault vault, Clock clock) {
        this.entityManager = entityManager;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Any request a client filed can be followed by its id: a public one in full, any other by its status and dates
     * alone, so that a client learns what became of it without anyone learning what it was about.
     */
    public Optional<ServiceRequestRow> byId(String serviceRequestId) {
        return entityManager.createQuery(SELECT + "where a.receiptNumber = :id" + FOLLOWABLE, StoredRequest.class)
                .setParameter("id", serviceRequestId).getResultStream().findFirst().map(this::publicCopy);
    }

    /**
     * What a search found, and the window of requested times it searched (null when it searched by id), which the
     * answer states so that a client knows what an empty or a full list means.
     */
    public record Found(List<ServiceRequestRow> rows, RequestWindow window) {

        /** True when the list stopped at {@link RequestWindow#MAX_RESULTS}: older matches were left out. */
        public boolean truncated() {
            return rows.size() >= RequestWindow.MAX_RESULTS;
        }
    }

    /**
     * All parameters are as the client sent them (null when absent). service_request_id, a comma list, overrides
     * every other parameter; otherwise the dates make a {@link RequestWindow} and service_code and status (comma
     * lists) narrow it. Newest first, at most {@link RequestWindow#MAX_RESULTS}.
     */
    public Found search(String serviceRequestIds, String serviceCodes, String startDate,
                                          String endDate, String statuses) {
        List<String> ids = serviceRequestIds == null ? List.of() : commaList(serviceRequestIds);
        if (!ids.isEmpty()) {
            return new Found(run("where a.receiptNumber in :ids", Map.of("ids", ids)), null);
        }
        List<String> errors = new ArrayList<>();
        Instant start = instant(startDate, "start_date", errors);
        Instant end = instant(endDate, "end_date", errors);
        List<String> codes = serviceCodes == null ? List.of() : commaList(serviceCodes);
        codes.stream().filter(code -> Category.byCode(code).isEmpty())
                .forEach(code -> errors.add("service_code: no service " + code + " (unknown)"));
        Set<RequestStatus> wanted = statuses == null ? EnumSet.allOf(RequestStatus.class) : statuses(statuses, errors);
        RequestWindow window = window(start, end, errors);
        if (!errors.isEmpty()) {
            throw GeoReportException.badRequest(errors);
        }
        StringBuilder where = new StringBuilder("where a.registeredAt >= :from and a.registeredAt <= :to");
        Map<String, Object> parameters = new HashMap<>(Map.of("from", window.from(), "to", window.to()));
        if (!codes.isEmpty()) {
            where.append(" and a.categoryCode in :codes");
            parameters.put("codes", codes);
        }
        if (wanted.size() == 1) {
            where.append(wanted.contains(RequestStatus.CLOSED) ? " and p.status in :closed"
                    : " and (p.status is null or p.status not in :closed)");
            parameters.put("closed", RequestStatus.closedStatuses());
        }
        return new Found(run(where.toString(), parameters), window);
    }

    /**
     * mySociety's servicerequestupdates: the steps of published appeals in the window (the same rules as GET
     * requests), newest first, at most 1,000, each text masked like status notes.
     */
    public List<RequestUpdateRow> updates(String startDate, String endDate) {
        List<String> errors = new ArrayList<>();
        Instant start = instant(startDate, "start_date", errors);
        Instant end = instant(endDate, "end_date", errors);
        RequestWindow window = window(start, end, errors);
        if (!errors.isEmpty()) {
            throw GeoReportException.badRequest(errors);
        }
        List<Object[]> steps = entityManager.createQuery("""
                        select s.eventId, a.receiptNumber, s.kind, s.occurredAt, s.text, a.id, a.applicantSealed
                        from AppealStep s join Appeal a on a.id = s.appealId
                        where s.occurredAt >= :from and s.occurredAt <= :to""" + LISTED
                        + " order by s.occurredAt desc", Object[].class)
                .setParameter("from", window.from()).setParameter("to", window.to())
                .setParameter("listed", Category.publiclyListedCodes()).setParameter("public", Publication.PUBLIC)
                .setMaxResults(RequestWindow.MAX_RESULTS).getResultList();
        return steps.stream().map(step -> new RequestUpdateRow((UUID) step[0], (String) step[1],
                (AppealStep.Kind) step[2], (Instant) step[3],
                masked((String) step[4], (byte[]) step[6], (UUID) step[5], (String) step[1]))).toList();
    }

    /** The window the dates make, or null with the reason among the errors (none made while others exist). */
    private RequestWindow window(Instant start, Instant end, List<String> errors) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return RequestWindow.of(start, end, clock.instant());
        } catch (RequestWindow.Rejected e) {
            errors.add(e.getMessage());
            return null;
        }
    }

        private List<ServiceRequestRow> run(String where, Map<String, Object> parameters) {
        TypedQuery<StoredRequest> query = entityManager.createQuery(
                SELECT + where + LISTED + " order by a.registeredAt desc", StoredRequest.class);
        parameters.forEach(query::setParameter);
        query.setParameter("listed", Category.publiclyListedCodes()).setParameter("public", Publication.PUBLIC);
        return query.setMaxResults(RequestWindow.MAX_RESULTS).getResultStream().map(this::publicCopy).toList();
    }

    /**
     * What the public may see: a published request with the office's answer redacted like the appeal (the
     * applicant's name too, while it is kept); of any other, the status and dates only.
     */
    private ServiceRequestRow publicCopy(StoredRequest stored) {
        boolean listedCategory = Category.publiclyListedCodes().contains(stored.categoryCode());
        if (stored.publication() != Publication.PUBLIC || !listedCategory) {
            return new ServiceRequestRow(stored.receiptNumber(), listedCategory ? stored.categoryCode() : null, null,
                    null, null, null, null, stored.registeredAt(), stored.registrationDay(), stored.status(), null, null,
                    stored.dueOn(), null,
                    stored.updatedAt(), null);
        }
        // the applicant's own coordinates, where given, say more than the point of the place they named
        boolean ownPoint = stored.latitude() != null;
        return new ServiceRequestRow(stored.receiptNumber(), stored.categoryCode(), stored.description(),
                stored.katoCode(), ownPoint ? stored.latitude() : stored.placeLatitude(),
                ownPoint ? stored.longitude() : stored.placeLongitude(), stored.addressText(), stored.registeredAt(),
                stored.registrationDay(), stored.status(), stored.bodyNameKk(), stored.bodyNameRu(), stored.dueOn(), publicNotes(stored),
                stored.updatedAt(), stored.mediaUrl());
    }

    private String publicNotes(StoredRequest stored) {
        return masked(stored.statusNotes(), stored.applicantSealed(), stored.appealId(), stored.receiptNumber());
    }

    /** A text masked like the appeal; none at all when the applicant's name cannot be read to mask it. */
    private String masked(String text, byte[] applicantSealed, UUID appealId, String receiptNumber) {
        if (text == null || applicantSealed == null) {
            return PublicText.redact(text);
        }
        try {
            return PublicText.redact(text, List.of(vault.open(applicantSealed, appealId).fullName()));
        } catch (IllegalStateException unreadable) {
            LOG.warnf("A text of %s withheld from the public feed: %s", receiptNumber, unreadable.getMessage());
            return null;
        }
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).distinct().toList();
    }

    private static Set<RequestStatus> statuses(String value, List<String> errors) {
        Set<RequestStatus> wanted = EnumSet.noneOf(RequestStatus.class);
        for (String status : commaList(value)) {
            Arrays.stream(RequestStatus.values()).filter(known -> known.wireName().equals(status)).findFirst()
                    .ifPresentOrElse(wanted::add,
                            () -> errors.add("status: must be open or closed, not " + status + " (unknown)"));
        }
        return wanted;
    }

    /**
     * A W3C/ISO 8601 date-time with its zone; a bare date means its start in national time. A '+' of the offset
     * that the client left unencoded arrives as a space and is read as the '+' it was.
     */
    private static Instant instant(String value, String parameter, List<String> errors) {
        if (value == null) {
            return null;
        }
        String text = value.strip().replace(' ', '+');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                instant = LocalDate.parse(text).atStartOfDay(AppkTerms.NATIONAL_OFFSET).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.add(parameter + ": must be an ISO 8601 date-time with zone, e.g. 2026-01-31T09:00:00+05:00"
                        + " (type)");
                return null;
            }
        }
        // ISO 8601 allows years the database cannot store; no appeal lies outside these anyway
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(parameter + ": must lie between " + EARLIEST + " and " + LATEST + " (range)");
            return null;
        }
        return instant;
    }
}
