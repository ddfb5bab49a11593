package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.RuralDistrictMetrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MetricsService {

    private final AppealFactRepository facts;
    private final AnswerTerm answerTerm;
    private final RankingConfig ranking;

    public MetricsService(AppealFactRepository facts, AnswerTerm answerTerm, RankingConfig ranking) {
        this.facts = facts;
        this.answerTerm = answerTerm;
        this.ranking = ranking;
    }

    /** A district with no appeals in the period gets zeros: analytics cannot tell an unknown code from a quiet one. */
    public RuralDistrictMetrics ofRuralDistrict(String ruralDistrictKato, ReportingPeriod period) {
        return facts.metricsOfRuralDistrict(ruralDistrictKato, period, lateFrom(period)).stream().findFirst()
                .orElseGet(() -> RuralDistrictMetrics.none(ruralDistrictKato, period));
    }

    /** Every rural district of the region that received appeals in the period, by KATO code. */
    public List<RuralDistrictMetrics> ofRegion(String regionKato, ReportingPeriod period) {
        return facts.metricsOfRegion(regionKato, period, lateFrom(period));
    }

    /** The region's rural districts by trust index, those below the minimum volume listed apart. */
    public Ranking rankingOfRegion(String regionKato, ReportingPeriod period) {
        return Ranking.of(period, ranking.minimumAppeals(), ofRegion(regionKato, period));
    }

    /** Due dates are computed at query time, so a corrected calendar applies to past periods too. */
    private SortedMap<LocalDate, Instant> lateFrom(ReportingPeriod period) {
        SortedMap<LocalDate, Instant> lateFrom = new TreeMap<>();
        period.days().forEach(day -> lateFrom.put(day, answerTerm.lateFrom(day)));
        return lateFrom;
    }
}
