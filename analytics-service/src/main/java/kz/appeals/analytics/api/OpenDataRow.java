package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.domain.funnel.FunnelParameters;
import kz.appeals.analytics.domain.funnel.FunnelPoint;

/**
 * One row of the open data: a rural district's metrics, and its place in the funnels of the rows of its comparison
 * group exported.
 *
 * @param trustPoint       its band, limits and shrunk estimate of the share kept locally; null without a trust basis
 * @param trustFunnel      its group's trust funnel parameters
 * @param escalationPoint  its band and limits of letters that reached a higher body per 1,000 residents; null when
 *                         its residents are unknown
 * @param escalationFunnel its group's escalation funnel parameters
 */
record OpenDataRow(TerritoryMetrics metrics, FunnelPoint trustPoint, FunnelParameters trustFunnel,
                   FunnelPoint escalationPoint, FunnelParameters escalationFunnel) {
}
