package kz.appeals.intake.open311.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.open311.domain.RequestStatus;
import kz.appeals.intake.open311.domain.RequestWindow;

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

/** GET requests and GET requests/{id}: appeals as GeoReport service requests, with the standard's filters. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceRequestSearch {

    private static final String SELECT = """
            select new kz.appeals.intake.open311.service.ServiceRequestRow(a.receiptNumber, a.categoryCode,
                a.description, a.katoCode, a.latitude, a.longitude, a.addressText, a.registeredAt, p.status,
                p.bodyNameKk, p.bodyNameRu, p.dueOn, p.statusNotes, p.updatedAt, o.mediaUrl)
            from Appeal a
            left join AppealProgress p on p.appealId = a.id
            left join Open311Origin o on o.appealId = a.id
            """;
    /**
     * GeoReport reads are public and receipt numbers are sequential: anonymous crime reports and categories about
     * a person's own situation never appear, not even by id.
     */
    private static final String PUBLIC_ONLY = " and a.anonymousSignal = false and a.categoryCode in :listed";

    private final EntityManager entityManager;
    private final Clock clock;

    public ServiceRequestSearch(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Optional<ServiceRequestRow> byId(String serviceRequestId) {
        return entityManager.createQuery(SELECT + "where a.receiptNumber = :id" + PUBLIC_ONLY, ServiceRequestRow.class)
                .setParameter("id", serviceRequestId).setParameter("listed", Category.publiclyListedCodes())
                .getResultStream().findFirst();
    }

    /**
     * All parameters are as the client sent them (null when absent). service_request_id, a comma list, overrides
     * every other parameter; otherwise the dates make a {@link RequestWindow} and service_code and status (comma
     * lists) narrow it. Newest first, at most {@link RequestWindow#MAX_RESULTS}.
     */
    public List<ServiceRequestRow> search(String serviceRequestIds, String serviceCodes, String startDate,
                                          String endDate, String statuses) {
        List<String> ids = serviceRequestIds == null ? List.of() : commaList(serviceRequestIds);
        if (!ids.isEmpty()) {
            return run("where a.receiptNumber in :ids", Map.of("ids", ids));
        }
        List<String> errors = new ArrayList<>();
        Instant start = instant(startDate, "start_date", errors);
        Instant end = instant(endDate, "end_date", errors);
        List<String> codes = serviceCodes == null ? List.of() : commaList(serviceCodes);
        codes.stream().filter(code -> Category.byCode(code).isEmpty())
                .forEach(code -> errors.add("service_code: no service " + code + " (unknown)"));
        Set<RequestStatus> wanted = statuses == null ? EnumSet.allOf(RequestStatus.class) : statuses(statuses, errors);
        RequestWindow window = null;
        if (errors.isEmpty()) {
            try {
                window = RequestWindow.of(start, end, clock.instant());
            } catch (RequestWindow.Rejected e) {
                errors.add(e.getMessage());
            }
        }
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
        return run(where.toString(), parameters);
    }

    private List<ServiceRequestRow> run(String where, Map<String, Object> parameters) {
        TypedQuery<ServiceRequestRow> query = entityManager.createQuery(
                SELECT + where + PUBLIC_ONLY + " order by a.registeredAt desc", ServiceRequestRow.class);
        parameters.forEach(query::setParameter);
        query.setParameter("listed", Category.publiclyListedCodes());
        return query.setMaxResults(RequestWindow.MAX_RESULTS).getResultList();
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
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(AppkTerms.NATIONAL_OFFSET).toInstant();
            } catch (DateTimeParseException notDate) {
                errors.add(parameter + ": must be an ISO 8601 date-time with zone, e.g. 2026-01-31T09:00:00+05:00"
                        + " (type)");
                return null;
            }
        }
    }
}
