package io.gatehouse.persistence;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The migrations named in {@code index.txt}, each loaded with {@link ClassLoader#getResource}: no
 * directory listing is needed, so this works for any URL scheme a container gives its class loader.
 */
final class MigrationIndex implements ResourceProvider {

    static final String INDEX_FILE = "index.txt";

    private final List<LoadableResource> migrations;

    private MigrationIndex(List<LoadableResource> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    static MigrationIndex load(ClassLoader loader, String location) {
        List<LoadableResource> migrations = new ArrayList<>();
        for (String fileName : fileNames(loader, location)) {
            URL url = loader.getResource(location + "/" + fileName);
            if (url == null) {
                throw new IllegalStateException("Migration " + fileName + " is listed in " + location + "/"
                        + INDEX_FILE + " but missing");
            }
            migrations.add(new Migration(location, fileName, url));
        }
        return new MigrationIndex(migrations);
    }

    /** The file names listed in the index, in order; blank lines and {@code #} comments are ignored. */
    static List<String> fileNames(ClassLoader loader, String location) {
        URL index = loader.getResource(location + "/" + INDEX_FILE);
        if (index == null) {
            throw new IllegalStateException("No migration index " + location + "/" + INDEX_FILE);
        }
        return read(index).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return migrations.stream()
                .filter(m -> m.getRelativePath().equals(name) || m.getAbsolutePath().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return migrations.stream()
                .filter(m -> m.getFilename().startsWith(prefix))
                .filter(m -> Arrays.stream(suffixes).anyMatch(m.getFilename()::endsWith))
                .toList();
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    /** One SQL migration. Paths match what Flyway's own classpath scanner would report. */
    private static final class Migration extends LoadableResource {
        private final String location;
        private final String fileName;
        private final URL url;

        Migration(String location, String fileName, URL url) {
            this.location = location;
            this.fileName = fileName;
            this.url = url;
        }

        @Override
        public Reader read() {
            return new StringReader(MigrationIndex.read(url));
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toExternalForm();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
