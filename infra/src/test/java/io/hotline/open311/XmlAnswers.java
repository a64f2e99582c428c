package io.hotline.open311;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks an XML answer against the JSON answer to the same question: the same root and item elements as the
 * standard names them, and in each item the same fields with the same values (null as an empty element).
 */
final class XmlAnswers {

    private XmlAnswers() {
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** The XML {@code <root><item>…</item>…</root>} holds the JSON list's items, field for field. */
    static void sameList(String xml, String root, String item, JsonNode json) {
        Element document = parse(xml);
        assertThat(document.getTagName()).isEqualTo(root);
        List<Element> items = children(document);
        assertThat(items).hasSize(json.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).getTagName()).isEqualTo(item);
            sameObject(items.get(i), json.get(i));
        }
    }

    /** The XML element holds the JSON object's fields: scalars as text, lists as wrappers of items. */
    static void sameObject(Element element, JsonNode json) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        List<String> names = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            names.add(field.getKey());
            Element child = child(element, field.getKey());
            JsonNode value = field.getValue();
            if (value.isArray()) {
                List<Element> items = children(child);
                assertThat(items).as(field.getKey()).hasSize(value.size());
                for (int i = 0; i < items.size(); i++) {
                    if (value.get(i).isObject()) {
                        sameObject(items.get(i), value.get(i));
                    } else {
                        assertThat(items.get(i).getTextContent()).isEqualTo(value.get(i).asText());
                    }
                }
            } else if (value.isObject()) {
                sameObject(child, value);
            } else {
                assertThat(child.getTextContent()).as(field.getKey())
                        .isEqualTo(value.isNull() ? "" : value.asText());
            }
        }
        assertThat(children(element).stream().map(Element::getTagName).toList()).containsExactlyElementsOf(names);
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(each -> each.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">"));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
