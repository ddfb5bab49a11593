package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.routing.domain.KatoCode;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the KATO classifier (semicolon-separated, the official file's columns) and the akims' register, and
 * publishes every new or changed settlement on the compacted territory topic for intake and other agencies.
 */
@ApplicationScoped
@Transactional
public class TerritoryImport {

    public record Result(int units, int changed, int akims) {
    }

    private static final String SAMPLE_KATO = "/reference/sample-kato.csv";
    private static final String SAMPLE_AKIMS = "/reference/sample-akims.csv";

    private final TerritoryRepository territory;
    private final Outbox outbox;
    private final Clock clock;

    public TerritoryImport(TerritoryRepository territory, Outbox outbox, Clock clock) {
        this.territory = territory;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The bundled SAMPLE data set (synthetic region 99), for demos and tests. */
    public Result importSample() {
        Result kato = importClassifier(resource(SAMPLE_KATO));
        int akims = importAkims(resource(SAMPLE_AKIMS));
        return new Result(kato.units(), kato.changed(), akims);
    }

    public Result importClassifier(Reader csv) {
        List<Map<String, String>> rows = readCsv(csv, List.of("te", "name_kaz", "name_rus"));
        LocalDate today = clock.instant().atOffset(java.time.ZoneOffset.ofHours(5)).toLocalDate();
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String code = row.get("te");
            if (!KatoCode.isWellFormed(code)) {
                throw ProblemException.invalidField("row " + (i + 1) + ".te", "pattern", "Not a 9-digit KATO code: " + code);
            }
            TerritorialUnit unit = territory.findByIdOptional(code).orElse(null);
            boolean isNew = unit == null;
            if (isNew) {
                unit = new TerritorialUnit();
                unit.katoCode = code;
                unit.validFrom = today;
            }
            boolean renamed = !Objects.equals(unit.nameKk, row.get("name_kaz"))
                    || !Objects.equals(unit.nameRu, row.get("name_rus"));
            unit.level = new KatoCode(code).level();
            unit.nameKk = row.get("name_kaz");
            unit.nameRu = row.get("name_rus");
            if (isNew) {
                territory.persist(unit);
            }
            if ((isNew || renamed) && unit.level == TerritorialLevel.SETTLEMENT) {
                publish(unit);
                changed++;
            }
        }
        return new Result(rows.size(), changed, 0);
    }

    public int importAkims(Reader csv) {
        List<Map<String, String>> rows = readCsv(csv, List.of("rural_district_kato", "akim_name"));
        Map<String, TerritorialUnit> ruralDistricts = territory.list("level", TerritorialLevel.RURAL_DISTRICT).stream()
                .collect(Collectors.toMap(u -> u.katoCode, Function.identity()));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            TerritorialUnit unit = ruralDistricts.get(row.get("rural_district_kato"));
            if (unit == null) {
                throw ProblemException.invalidField("row " + (i + 1) + ".rural_district_kato", "unknown",
                        "No rural district " + row.get("rural_district_kato") + " in the classifier");
            }
            unit.akimName = row.get("akim_name");
            unit.akimElectedSince = blankToNull(row.get("elected_since")) == null ? null
                    : LocalDate.parse(row.get("elected_since"));
            unit.population = blankToNull(row.get("population")) == null ? null
                    : Integer.valueOf(row.get("population"));
            unit.officePhone = blankToNull(row.get("office_phone"));
            unit.officeEmail = blankToNull(row.get("office_email"));
        }
        return rows.size();
    }

    private void publish(TerritorialUnit settlement) {
        KatoCode code = settlement.code();
        outbox.record(new SettlementPublished(settlement.katoCode, code.ruralDistrict(), code.district(),
                code.region(), settlement.nameKk, settlement.nameRu, settlement.validFrom, settlement.validTo,
                clock.instant()));
    }

    private static List<Map<String, String>> readCsv(Reader csv, List<String> requiredColumns) {
        try (BufferedReader reader = new BufferedReader(csv)) {
            List<String> lines = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            if (lines.isEmpty()) {
                throw ProblemException.invalidField("file", "empty", "The file has no header line");
            }
            List<String> header = Arrays.stream(lines.get(0).split(";", -1)).map(String::trim).toList();
            for (String column : requiredColumns) {
                if (!header.contains(column)) {
                    throw ProblemException.invalidField("file", "missing-column", "Missing column " + column);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(";", -1);
                Map<String, String> row = new java.util.HashMap<>();
                for (int c = 0; c < header.size() && c < cells.length; c++) {
                    row.put(header.get(c), cells[c].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader resource(String path) {
        InputStream in = TerritoryImport.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing bundled resource " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
