package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.Granularity;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;

/**
 * One metrics question: the appeals of the territory {@code scopeKato} at {@code scopeLevel}, registered in
 * {@code period}, counted per territory at {@code groupLevel} (the scope itself or the units below it), optionally
 * per category and per bucket of {@code granularity} (null: the whole period is one bucket).
 */
public record MetricsQuery(TerritoryLevel scopeLevel, String scopeKato, TerritoryLevel groupLevel,
                           boolean byCategory, Granularity granularity, ReportingPeriod period) {

    public static MetricsQuery of(TerritoryLevel level, String kato, ReportingPeriod period) {
        return new MetricsQuery(level, kato, level, false, null, period);
    }

    public MetricsQuery perCategory() {
        return new MetricsQuery(scopeLevel, scopeKato, groupLevel, true, granularity, period);
    }

    public MetricsQuery per(Granularity bucket) {
        return new MetricsQuery(scopeLevel, scopeKato, groupLevel, byCategory, bucket, period);
    }

    public MetricsQuery groupedBy(TerritoryLevel level) {
        return new MetricsQuery(scopeLevel, scopeKato, level, byCategory, granularity, period);
    }
}
