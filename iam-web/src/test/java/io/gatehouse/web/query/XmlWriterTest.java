package io.gatehouse.web.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlWriterTest {

    @Test
    void escapesTextSoAValueCannotInjectMarkup() {
        String xml = new XmlWriter().start("R").element("UserName", "a<b>&'\"").end().finish();

        assertTrue(xml.endsWith("<R><UserName>a&lt;b&gt;&amp;&apos;&quot;</UserName></R>"), xml);
    }

    @Test
    void escapesFromTheFirstCharacterAndCopiesPlainValuesWhole() {
        String xml = new XmlWriter().start("R").element("A", "&x").element("B", "plain-value/42").element("C", "")
                .end().finish();

        assertTrue(xml.endsWith("<R><A>&amp;x</A><B>plain-value/42</B><C></C></R>"), xml);
    }

    @Test
    void writesDatesAsIsoInstantsWithWholeSeconds() {
        assertEquals("2024-05-01T12:00:00Z", XmlWriter.isoDate(Instant.parse("2024-05-01T12:00:00.987Z")));
    }

    @Test
    void refusesToFinishWithOpenElements() {
        XmlWriter writer = new XmlWriter().start("Open");

        assertThrows(IllegalStateException.class, writer::finish);
    }

    @Test
    void aFragmentIsEmbeddedAsWritten() {
        XmlWriter inner = new XmlWriter().element("A", "1");
        String xml = new XmlWriter().startWithNamespace("R", "urn:x").fragment(inner).end().finish();

        assertTrue(xml.endsWith("<R xmlns=\"urn:x\"><A>1</A></R>"), xml);
    }
}
