package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.domain.funnel.FunnelParameters;
import kz.appeals.analytics.domain.funnel.FunnelPoint;

/**
 * One row of the open data: a rural district's metrics, and its place in the funnel of the rows exported.
 *
 * @param point  its band, limits and shrunk estimate; null without appeals in the trust basis
 * @param funnel the export's funnel parameters
 */
record OpenDataRow(TerritoryMetrics metrics, FunnelPoint point, FunnelParameters funnel) {
}
