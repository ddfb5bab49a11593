package kz.appeals.intake.open311.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import kz.appeals.platform.http.StorableText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Writes a GeoReport representation in the format the path asked for. Each representation is one record tree: JSON
 * is its Jackson form, and XML is the same tree with a root element named by the standard and every list wrapped
 * in its plural element holding singular ones ({@code <services><service>}), which is all that GeoReport's XML
 * differs by — so the two formats cannot drift apart, and no XML binding library is needed (see README).
 */
@ApplicationScoped
public class GeoReportRenderer {

    /** The plural list elements of GeoReport v2 and the element each item gets. */
    private static final Map<String, String> ITEM_NAMES = Map.of(
            "services", "service",
            "service_requests", "request",
            "service_request_updates", "request_update",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private final ObjectMapper json;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    public GeoReportRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** @param root the XML root element, e.g. {@code services}; a list body is then its items */
    public Response render(GeoReportFormat format, int status, String root, Object body) {
        return Response.status(status).type(format.mediaType()).entity(write(format, root, body)).build();
    }

    public Response ok(GeoReportFormat format, String root, Object body) {
        return render(format, 200, root, body);
    }

    String write(GeoReportFormat format, String root, Object body) {
        try {
            return format == GeoReportFormat.JSON ? json.writeValueAsString(body) : xml(root, json.valueToTree(body));
        } catch (JsonProcessingException | XMLStreamException e) {
            throw new IllegalStateException("Cannot write a GeoReport " + root, e);
        }
    }

    private String xml(String root, JsonNode tree) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter writer = xml.createXMLStreamWriter(out);
        writer.writeStartDocument("utf-8", "1.0");
        element(writer, root, tree);
        writer.writeEndDocument();
        writer.close();
        return out.toString();
    }

    private static void element(XMLStreamWriter writer, String name, JsonNode node) throws XMLStreamException {
        if (node.isNull() || node.isMissingNode()) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEM_NAMES.get(name);
            if (item == null) {
                throw new IllegalStateException("No GeoReport item element for list " + name);
            }
            for (JsonNode child : node) {
                element(writer, item, child);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                element(writer, field.getKey(), field.getValue());
            }
        } else {
            // Refused on the way in; stripped here too, so that one stored by an older version cannot break a list.
            writer.writeCharacters(StorableText.withoutForbidden(node.asText()));
        }
        writer.writeEndElement();
    }
}
