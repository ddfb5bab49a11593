/**
 * Funnel plots for comparing institutional performance, after Spiegelhalter D. J., "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 2005;24:1185–1202: each unit's rate against its volume, with
 * 95 % and 99.8 % control limits around the reference rate, widened when the units vary more than chance allows;
 * units inside the funnel are "as expected" and are not ordered against each other. Plain Java: no framework type.
 */
package kz.appeals.analytics.domain.funnel;
