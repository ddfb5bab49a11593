package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.TerritoryLevel;

/** Neither the territorial reference nor any appeal knows the code at that level. */
public class UnknownTerritoryException extends RuntimeException {

    public UnknownTerritoryException(TerritoryLevel level, String kato) {
        super("no " + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " with KATO code " + kato
                + " is known: not in the territorial reference and no appeal was located there");
    }
}
