package kz.appeals.routing.domain;

import org.locationtech.jts.geom.Geometry;

import java.time.LocalDate;

/** One version of a rural district's boundary (WGS 84, longitude x, latitude y), in force from a date. */
public record Boundary(String ruralDistrictKato, LocalDate validFrom, LocalDate validTo, Geometry area) {

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }
}
