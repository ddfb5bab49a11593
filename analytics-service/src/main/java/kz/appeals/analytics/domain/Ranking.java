package kz.appeals.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rural districts of a region ranked by {@link TrustIndex}, fairly: a district is ranked only with at least
 * {@code minimumAppeals} appeals in the period (the others are listed with the reason), and equal indexes keep KATO
 * order so that the table is stable.
 */
public record Ranking(ReportingPeriod period, String formula, int minimumAppeals, List<Ranked> ranked,
                      List<NotRanked> notRanked) {

    public record Ranked(int rank, String ruralDistrictKato, long received, long keptLocally, TrustIndex trust) {
    }

    public record NotRanked(String ruralDistrictKato, long received, String reason) {
    }

    public static Ranking of(ReportingPeriod period, int minimumAppeals, List<RuralDistrictMetrics> districts) {
        List<Ranked> unordered = new ArrayList<>();
        List<NotRanked> notRanked = new ArrayList<>();
        for (RuralDistrictMetrics district : districts) {
            if (district.received() >= minimumAppeals && district.received() > 0) {
                unordered.add(new Ranked(0, district.ruralDistrictKato(), district.received(),
                        district.keptLocally(), TrustIndex.of(district.keptLocally(), district.received())));
            } else {
                notRanked.add(new NotRanked(district.ruralDistrictKato(), district.received(),
                        "fewer than " + minimumAppeals + " appeals in the period"));
            }
        }
        unordered.sort(Comparator.comparingDouble((Ranked r) -> r.trust().lower()).reversed()
                .thenComparing(Ranked::ruralDistrictKato));
        List<Ranked> ranked = new ArrayList<>();
        for (Ranked r : unordered) {
            ranked.add(new Ranked(ranked.size() + 1, r.ruralDistrictKato(), r.received(), r.keptLocally(), r.trust()));
        }
        return new Ranking(period, TrustIndex.FORMULA, minimumAppeals, List.copyOf(ranked), List.copyOf(notRanked));
    }
}
