package io.gatehouse.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The {@code gatehouse} unit as the tests run it: RESOURCE_LOCAL on a given data source, with the
 * classes and properties of the main {@code META-INF/persistence.xml} (read from it, so the tests
 * also check that the file lists every entity).
 */
final class TestPersistenceUnit implements PersistenceUnitInfo {

    private final DataSource dataSource;
    private final Document persistenceXml;

    TestPersistenceUnit(DataSource dataSource) {
        this.dataSource = dataSource;
        this.persistenceXml = readPersistenceXml();
    }

    static Document readPersistenceXml() {
        try (InputStream in = TestPersistenceUnit.class.getResourceAsStream("/META-INF/persistence.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read META-INF/persistence.xml", e);
        }
    }

    static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    static Properties properties(Document document) {
        Properties properties = new Properties();
        NodeList nodes = document.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < nodes.getLength(); i++) {
            var element = (org.w3c.dom.Element) nodes.item(i);
            properties.setProperty(element.getAttribute("name"), element.getAttribute("value"));
        }
        return properties;
    }

    @Override
    public String getPersistenceUnitName() {
        return "gatehouse";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return texts(persistenceXml, "provider").get(0);
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return texts(persistenceXml, "class");
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.UNSPECIFIED;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    /** The main unit's properties minus the JTA platform, which needs Liberty. */
    @Override
    public Properties getProperties() {
        Properties properties = properties(persistenceXml);
        properties.remove("hibernate.transaction.jta.platform");
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // No enhancement outside the container either.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return getClass().getClassLoader();
    }
}
