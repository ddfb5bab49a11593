package kz.appeals.intake.open311.api;

import kz.appeals.intake.open311.service.GeoReportException;

import java.util.Arrays;

/** The response formats of GeoReport v2, chosen by the path's extension: XML (required) and JSON. */
public enum GeoReportFormat {
    XML("xml", "text/xml; charset=utf-8"),
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String mediaType;

    GeoReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public static GeoReportFormat of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst()
                .orElseThrow(() -> GeoReportException.notFound(
                        "format: " + extension + " is not served; use xml or json"));
    }

    /** The format of a response to {@code path}: JSON only when asked for, since XML is the standard's default. */
    public static GeoReportFormat ofPath(String path) {
        return path.endsWith("." + JSON.extension) ? JSON : XML;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The media type without parameters, as the discovery document lists it. */
    public String plainMediaType() {
        return mediaType.substring(0, mediaType.indexOf(';'));
    }
}
