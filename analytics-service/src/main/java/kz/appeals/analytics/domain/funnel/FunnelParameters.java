package kz.appeals.analytics.domain.funnel;

import java.util.List;

/**
 * What a funnel's bands were computed with, published beside them so that anyone can recompute them.
 *
 * @param method         the method in words, with its source
 * @param referenceRate  the units' pooled rate
 * @param overDispersion φ, whether it is significant, and the τ² the limits add
 * @param levels         the limits' confidence levels
 */
public record FunnelParameters(String method, double referenceRate, OverDispersion overDispersion,
                               List<Double> levels) {
}
