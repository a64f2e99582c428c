package io.hotline.kernel.open311;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes an answer as GeoReport v2 XML, from its JSON tree in plain Java (a {@link Map} per object, in field
 * order, a {@link List} per array, and scalars): an object becomes an element per field, a list becomes a
 * wrapper element holding one element per item, named as the standard names them ({@code <services><service>},
 * {@code <attributes><attribute>}, {@code <values><value>}, {@code <errors><error>} ...), and null becomes an
 * empty element.
 * <p>
 * Why by hand with the JDK's StAX writer rather than jackson-dataformat-xml: the standard's XML is a plain
 * mirror of its JSON plus those item names, which a dozen lines say; and an XML codec on the classpath would be
 * picked up by WebFlux's content negotiation and could change what the other endpoints answer to a client that
 * asks for XML. This way the JSON API is untouched and no dependency is added.
 */
public final class Open311Xml {

    /** The element name of an item, by the name of the list holding it. */
    private static final Map<String, String> ITEM_NAMES = Map.of(
            "services", "service",
            "service_requests", "request",
            "service_request_updates", "request_update",
            "attributes", "attribute",
            "values", "value",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {
    }

    /** The document for {@code tree}, whose root element is {@code rootName}. */
    public static String write(String rootName, Object tree) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, rootName, tree);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Open311 XML answer", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof List<?> items) {
            String item = ITEM_NAMES.getOrDefault(name, "item");
            for (Object each : items) {
                element(xml, item, each);
            }
        } else if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, String.valueOf(field.getKey()), field.getValue());
            }
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
