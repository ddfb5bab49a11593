package kz.appeals.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.Granularity;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.appk.AppkTerms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers metrics questions from the facts. A known territory with no appeals in a period gets zeros; a code that
 * neither the territorial reference nor any appeal knows is {@link UnknownTerritoryException}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MetricsService {

    private final AppealFactRepository facts;
    private final AnswerTerm answerTerm;
    private final RankingConfig ranking;
    private final RankingCache rankings;
    private final Clock clock;

    public MetricsService(AppealFactRepository facts, AnswerTerm answerTerm, RankingConfig ranking,
                          RankingCache rankings, Clock clock) {
        this.facts = facts;
        this.answerTerm = answerTerm;
        this.ranking = ranking;
        this.rankings = rankings;
        this.clock = clock;
    }

    public TerritoryMetrics of(TerritoryLevel level, String kato, ReportingPeriod period) {
        return run(MetricsQuery.of(level, kato, period)).stream().findFirst()
                .orElseGet(() -> TerritoryMetrics.none(level, kato, period, level == TerritoryLevel.COUNTRY
                        ? TerritoryMetrics.Territory.UNKNOWN : known(level, kato)));
    }

    /**
     * The territories at {@code unitLevel} within {@code kato}, by KATO code: every current unit of the territorial
     * reference (zeros where nothing came) and any other code appeals were routed to — the drill-down from a region
     * to its districts and from a district to its rural districts, and what rankings compare.
     */
    public List<TerritoryMetrics> unitsOf(TerritoryLevel level, String kato, TerritoryLevel unitLevel,
                                          ReportingPeriod period) {
        if (level != TerritoryLevel.COUNTRY) {
            known(level, kato);
        }
        Map<String, TerritoryMetrics> units = new TreeMap<>();
        facts.units(level, kato, unitLevel).forEach((code, territory) ->
                units.put(code, TerritoryMetrics.none(unitLevel, code, period, territory)));
        run(MetricsQuery.of(level, kato, period).groupedBy(unitLevel)).forEach(m -> units.put(m.kato(), m));
        return List.copyOf(units.values());
    }

    /** The territory's metrics per bucket, every bucket of the period present (zeros where nothing came). */
    public List<TerritoryMetrics> series(TerritoryLevel level, String kato, ReportingPeriod period,
                                         Granularity granularity) {
        TerritoryMetrics.Territory territory = known(level, kato);
        Map<LocalDate, TerritoryMetrics> counted = run(MetricsQuery.of(level, kato, period).per(granularity))
                .stream().collect(Collectors.toMap(m -> m.period().from(), Function.identity()));
        List<TerritoryMetrics> series = new ArrayList<>();
        for (LocalDate start = granularity.bucketStart(period.from()); !start.isAfter(period.to());
             start = granularity.bucketEnd(start).plusDays(1)) {
            ReportingPeriod bucket = clip(new ReportingPeriod(start, granularity.bucketEnd(start)), period);
            TerritoryMetrics metrics = counted.get(bucket.from());
            series.add(metrics != null ? metrics : TerritoryMetrics.none(level, kato, bucket, territory));
        }
        return series;
    }

    /** The territory's metrics per category, categories with appeals only, by category code. */
    public List<TerritoryMetrics> byCategory(TerritoryLevel level, String kato, ReportingPeriod period) {
        known(level, kato);
        return run(MetricsQuery.of(level, kato, period).perCategory());
    }

    /** The territories of one comparison group within {@code kato}, at the group's level, ranked by trust index. */
    public Ranking ranking(TerritoryLevel level, String kato, ComparisonGroup group, ReportingPeriod period) {
        // today belongs to the question: terms still running are counted differently from lapsed ones
        LocalDate today = today();
        return rankings.get(new RankingQuestion(level, kato, group, period, today),
                computedAt -> computeRanking(level, kato, group, period, computedAt));
    }

    /**
     * What a dashboard opens with, kept ready for every region: its rural districts ranked over the year so far
     * (the dashboard's default period, from 1 January to today).
     */
    public Map<Object, Function<Instant, Ranking>> dashboardDefaults() {
        LocalDate today = today();
        ReportingPeriod yearSoFar = new ReportingPeriod(today.withDayOfYear(1), today);
        Map<Object, Function<Instant, Ranking>> defaults = new LinkedHashMap<>();
        for (String region : facts.regions()) {
            defaults.put(new RankingQuestion(TerritoryLevel.REGION, region, ComparisonGroup.RURAL, yearSoFar, today),
                    computedAt -> computeRanking(TerritoryLevel.REGION, region, ComparisonGroup.RURAL, yearSoFar,
                            computedAt));
        }
        return defaults;
    }

    /**
     * In a transaction of its own: RankingCache also computes in the background, where no request is active, and a
     * pass of the refresher should not hold one transaction open across every region's ranking.
     */
    private Ranking computeRanking(TerritoryLevel level, String kato, ComparisonGroup group,
                                   ReportingPeriod period, Instant computedAt) {
        return QuarkusTransaction.requiringNew().call(() -> Ranking.of(period, group, computedAt,
                ranking.minimumAppeals(), ranking.applicantWeightCap(),
                unitsOf(level, kato, group.rankedAt(), period)));
    }

    private record RankingQuestion(TerritoryLevel level, String kato, ComparisonGroup group,
                                   ReportingPeriod period, LocalDate today) {
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AppkTerms.NATIONAL_OFFSET));
    }

    private TerritoryMetrics.Territory known(TerritoryLevel level, String kato) {
        return facts.territory(level, kato).orElseThrow(() -> new UnknownTerritoryException(level, kato));
    }

    private List<TerritoryMetrics> run(MetricsQuery query) {
        QueryCalendar calendar = QueryCalendar.of(query.period(), query.granularity(), answerTerm, today());
        List<TerritoryMetrics> metrics = facts.metrics(query, calendar, ranking.applicantWeightCap(), clock.instant());
        if (query.granularity() == null) {
            return metrics;
        }
        return metrics.stream().map(m -> m.withPeriod(clip(m.period(), query.period()))).toList();
    }

    /** The first and last buckets of a series cover only the part of them inside the requested period. */
    private static ReportingPeriod clip(ReportingPeriod bucket, ReportingPeriod period) {
        return new ReportingPeriod(bucket.from().isBefore(period.from()) ? period.from() : bucket.from(),
                bucket.to().isAfter(period.to()) ? period.to() : bucket.to());
    }
}
