package kz.appeals.intake.open311.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The XML form of a representation is its JSON tree with GeoReport's root and plural/singular list elements. */
class GeoReportRendererTest {

    private final GeoReportRenderer renderer = new GeoReportRenderer(new ObjectMapper());

    @Test
    void listsAreWrappedInTheirPluralWithSingularItemsAndNullsAreEmptyElements() {
        var definition = new GeoReportViews.ServiceDefinition("roads", List.of(new GeoReportViews.Attribute(true,
                "language", "singlevaluelist", false, null, 1, "Тіл & <язык>",
                List.of(new GeoReportViews.Value("kk", "Қазақ тілі")))));
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><service_code>roads</service_code>"
                        + "<attributes><attribute><variable>true</variable><code>language</code>"
                        + "<datatype>singlevaluelist</datatype><required>false</required><datatype_description/>"
                        + "<order>1</order><description>Тіл &amp; &lt;язык&gt;</description><values><value><key>kk</key>"
                        + "<name>Қазақ тілі</name></value></values></attribute></attributes></service_definition>",
                renderer.write(GeoReportFormat.XML, "service_definition", definition));
    }

    @Test
    void aTopLevelListIsItsRootsItemsInXmlAndAnArrayInJson() {
        var errors = List.of(new GeoReportViews.Error(403, "api_key: required"));
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>403</code>"
                + "<description>api_key: required</description></error></errors>",
                renderer.write(GeoReportFormat.XML, "errors", errors));
        assertEquals("[{\"code\":403,\"description\":\"api_key: required\"}]",
                renderer.write(GeoReportFormat.JSON, "errors", errors));
    }

    @Test
    void aListWithoutAGeoReportItemNameIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> renderer.write(GeoReportFormat.XML, "things", List.of(1)));
    }
}
