package kz.appeals.analytics.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.domain.funnel.Funnel;
import kz.appeals.analytics.domain.funnel.FunnelPoint;
import kz.appeals.analytics.service.MetricsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The metrics of every rural district as open data, for anyone: aggregates only, so no token is needed; every rural
 * district of the territorial reference is a row, with or without appeals (a district without a row would look like
 * one that was not counted). Licensed CC BY 4.0. The same
 * rows as CSV (RFC 4180, UTF-8, comma, decimal point, empty for a rate without denominator) and as JSON.
 */
@Path("/api/v1/open-data")
@Tag(name = "Open data", description = "Trust metrics per rural district, free to reuse; no personal data")
@PermitAll
public class OpenDataResource {

    private static final String FROM = "First registration day of the period, e.g. 2026-11-01";
    private static final String TO = "Last registration day of the period (inclusive)";
    private static final String REGION = "KATO code of a region to export only its rural districts";
    /** The licence the figures are published under, and the column dictionary, linked from every export. */
    static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    private static final String LINKS = "<" + LICENCE + ">; rel=\"license\", </api/v1/open-data/dictionary>; "
            + "rel=\"describedby\"; type=\"application/json\"";

    private final MetricsService metrics;

    public OpenDataResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    /** @param name     column name, lower case
     *  @param type     date, text, integer or decimal
     *  @param meaning  what the column counts */
    public record Column(String name, String type, String meaning) {
    }

    @GET
    @Path("/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The column dictionary of the export")
    public List<Column> dictionary() {
        return Arrays.stream(OpenDataColumn.values())
                .map(c -> new Column(c.columnName(), c.type(), c.meaning())).toList();
    }

    @GET
    @Path("/rural-districts.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "Metrics of every rural district as CSV", description = "Every rural district of the "
            + "territorial reference in the scope, with or without appeals, and any other that received appeals; "
            + "decimals rounded to 4 places. Downloaded as a file (Content-Disposition); its licence and its column "
            + "dictionary are linked in the Link header (rel=license, rel=describedby). Header row first. "
            + "Each row carries its kind and its band in the funnel of the rows of its comparison group exported "
            + "(rural districts and village and settlement akimats together, towns together; Spiegelhalter 2005), "
            + "the control limits "
            + "at its volume, its shrunk estimate with interval and the funnel's reference rate, phi and tau2; and the "
            + "same for letters that reached the district akimat or higher per 1,000 residents (Poisson).")
    public Response csv(@Parameter(description = FROM, required = true) @QueryParam("from") String from,
                        @Parameter(description = TO, required = true) @QueryParam("to") String to,
                        @Parameter(description = REGION) @QueryParam("regionKato") String regionKato) {
        StringBuilder csv = new StringBuilder(Arrays.stream(OpenDataColumn.values()).map(OpenDataColumn::columnName)
                .collect(Collectors.joining(","))).append("\r\n");
        for (OpenDataRow row : rows(from, to, regionKato)) {
            csv.append(Arrays.stream(OpenDataColumn.values()).map(c -> csvField(c.valueOf(row)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        String file = "rural-districts-" + (regionKato == null || regionKato.isBlank() ? "kz" : regionKato) + "-"
                + from + "-" + to + ".csv";
        return Response.ok(csv.toString()).header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Link", LINKS).build();
    }

    @GET
    @Path("/rural-districts.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Metrics of every rural district as JSON", description = "One object per row (the CSV's "
            + "rows), the dictionary's columns as keys, null for a rate without denominator; licence and dictionary "
            + "in the Link header.")
    public Response json(@Parameter(description = FROM, required = true) @QueryParam("from") String from,
                                          @Parameter(description = TO, required = true) @QueryParam("to") String to,
                                          @Parameter(description = REGION) @QueryParam("regionKato")
                                          String regionKato) {
        List<Map<String, Object>> objects = rows(from, to, regionKato).stream().map(row -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (OpenDataColumn column : OpenDataColumn.values()) {
                object.put(column.columnName(), column.valueOf(row));
            }
            return object;
        }).toList();
        return Response.ok(objects).header("Link", LINKS).build();
    }

    /** Every row is placed in the funnels of the rows of its comparison group exported with it, as rankings are. */
    private List<OpenDataRow> rows(String from, String to, String regionKato) {
        List<TerritoryMetrics> territories = territories(from, to, regionKato);
        Map<String, OpenDataRow> rows = new HashMap<>();
        territories.stream().collect(Collectors.groupingBy(ComparisonGroup::of)).values().forEach(group -> {
            Funnel trust = TerritoryMetrics.trustFunnel(group);
            Funnel escalations = TerritoryMetrics.escalationFunnel(group);
            Map<String, FunnelPoint> trustPoints = trust.byId();
            Map<String, FunnelPoint> escalationPoints = escalations.byId();
            group.forEach(t -> rows.put(t.kato(), new OpenDataRow(t, trustPoints.get(t.kato()), trust.parameters(),
                    escalationPoints.get(t.kato()), escalations.parameters())));
        });
        return territories.stream().map(t -> rows.get(t.kato())).toList();
    }

    private List<TerritoryMetrics> territories(String from, String to, String regionKato) {
        ReportingPeriod period = QueryParameters.period(from, to);
        return regionKato == null || regionKato.isBlank()
                ? metrics.unitsOf(TerritoryLevel.COUNTRY, TerritoryLevel.COUNTRY_CODE,
                        TerritoryLevel.RURAL_DISTRICT, period)
                : metrics.unitsOf(TerritoryLevel.REGION, QueryParameters.kato("regionKato", regionKato),
                        TerritoryLevel.RURAL_DISTRICT, period);
    }

    /** Codes and numbers never need quoting; quoting is applied anyway where a value could break the row. */
    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("[^,\"\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
