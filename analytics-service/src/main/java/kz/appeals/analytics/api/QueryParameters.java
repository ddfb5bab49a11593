package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.Granularity;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the metrics endpoints' path and query parameters. They arrive as text and are checked here, because a
 * parameter the framework cannot convert becomes a bare 404, while a client deserves a 400 naming the parameter.
 */
final class QueryParameters {

    /** Longer periods are no report anyone reads and would make one query join thousands of due dates. */
    private static final long MAX_PERIOD_DAYS = 3 * 366;

    private static final Pattern KATO = Pattern.compile("\\d{9}");

    static String kato(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "required", name + " is required");
        }
        if (!KATO.matcher(value).matches()) {
            throw invalid(name, "pattern", name + " must be a KATO code of 9 digits");
        }
        return value;
    }

    /** A path's territorial level; an unknown one is a resource that does not exist. */
    static TerritoryLevel level(String segment) {
        return TerritoryLevel.ofPathSegment(segment).orElseThrow(() -> new ProblemException(Problem.of(404,
                "not-found", "Not found",
                "no such territorial level: " + segment + " (rural-districts, districts or regions)")));
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("granularity", "enum", "granularity must be one of day, week, month, quarter, year");
        }
    }

    /**
     * The comparison group a ranking of units at {@code unitLevel} compares: the level's default when not given, else
     * one of the groups ranked at that level.
     */
    static ComparisonGroup group(String value, TerritoryLevel unitLevel) {
        return group(value, ComparisonGroup.defaultAt(unitLevel), List.of(unitLevel),
                "for " + unitLevel.pathSegment());
    }

    /** The comparison group of a ranking within a territory at {@code scope}: RURAL unless given, ranked below it. */
    static ComparisonGroup groupWithin(String value, TerritoryLevel scope) {
        List<TerritoryLevel> below = new ArrayList<>();
        for (Optional<TerritoryLevel> level = scope.below(); level.isPresent(); level = level.get().below()) {
            below.add(level.get());
        }
        return group(value, ComparisonGroup.RURAL, below, "within " + scope.pathSegment());
    }

    /** One of the groups ranked at {@code unitLevels}, or {@code otherwise} when not given. */
    private static ComparisonGroup group(String value, ComparisonGroup otherwise, List<TerritoryLevel> unitLevels,
                                         String where) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return ComparisonGroup.named(value).filter(g -> unitLevels.contains(g.rankedAt())).orElseThrow(() -> {
            String offered = Arrays.stream(ComparisonGroup.values()).filter(g -> unitLevels.contains(g.rankedAt()))
                    .map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            return invalid("group", "enum", "group must be one of " + offered + " " + where);
        });
    }

    /** Exactly one of the two scopes of a list: a region or a district. */
    static Scope scope(String regionKato, String districtKato) {
        boolean region = regionKato != null && !regionKato.isBlank();
        boolean district = districtKato != null && !districtKato.isBlank();
        if (region == district) {
            throw invalid(region ? "districtKato" : "regionKato", "required",
                    "give exactly one of regionKato and districtKato");
        }
        return region ? new Scope(TerritoryLevel.REGION, kato("regionKato", regionKato))
                : new Scope(TerritoryLevel.DISTRICT, kato("districtKato", districtKato));
    }

    record Scope(TerritoryLevel level, String kato) {
    }

    static ReportingPeriod period(String fromText, String toText) {
        LocalDate from = day("from", fromText);
        LocalDate to = day("to", toText);
        if (to.isBefore(from)) {
            throw invalid("to", "range", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw invalid("to", "range", "the period may span at most " + MAX_PERIOD_DAYS + " days");
        }
        return new ReportingPeriod(from, to);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "required", name + " is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "type", name + " must be a date such as 2026-11-23");
        }
    }

    private static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 400, message,
                null, List.of(new Problem.FieldError(field, code, message))));
    }

    private QueryParameters() {
    }
}
