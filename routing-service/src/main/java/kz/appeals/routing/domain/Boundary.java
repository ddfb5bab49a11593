package kz.appeals.routing.domain;

import org.locationtech.jts.geom.Geometry;

import java.time.LocalDate;

/**
 * One version of the boundary of a body's unit — a rural-level unit, or a district or city administration — (WGS 84,
 * longitude x, latitude y), in force from a date.
 */
public record Boundary(String katoCode, LocalDate validFrom, LocalDate validTo, Geometry area) {

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
