package kz.appeals.bench.routing;

import kz.appeals.routing.domain.SyntheticTerritory;
import kz.appeals.routing.service.SyntheticTerritoryFiles;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the SYNTHETIC national-size territory as the files routing imports, so that a running system can be
 * loaded at national scale (scripts/import-territory.sh) before an end-to-end benchmark. Never official data.
 */
public final class NationalTerritoryFiles {

    static final String USAGE = """
            Usage: ./appeals bench national-territory --out=DIR [--seed=N]

            Writes DIR/kato.csv, DIR/akims.csv and DIR/boundaries.geojson (SYNTHETIC: 20 regions, ~200
            districts, 2,334 rural districts, ~7,000 settlements). Load them in that order with
            scripts/import-territory.sh classifier|akims|boundaries FILE 2025-01-01.
            """;

    private NationalTerritoryFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 2334;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            switch (pair[0]) {
                case "--out" -> out = Path.of(pair[1]);
                case "--seed" -> seed = Long.parseLong(pair[1]);
                default -> {
                    System.err.print(USAGE);
                    System.exit(arg.equals("--help") ? 0 : 2);
                }
            }
        }
        if (out == null) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Files.createDirectories(out);
        SyntheticTerritory.Data data = SyntheticTerritory.national(seed);
        try (Writer kato = Files.newBufferedWriter(out.resolve("kato.csv"), StandardCharsets.UTF_8);
             Writer akims = Files.newBufferedWriter(out.resolve("akims.csv"), StandardCharsets.UTF_8);
             Writer boundaries = Files.newBufferedWriter(out.resolve("boundaries.geojson"), StandardCharsets.UTF_8)) {
            SyntheticTerritoryFiles.classifier(data, kato);
            SyntheticTerritoryFiles.akims(data, seed, akims);
            SyntheticTerritoryFiles.boundaries(data, boundaries);
        }
        System.out.printf("wrote %d units, %d boundaries to %s%n", data.units().size(), data.boundaries().size(), out);
    }
}
