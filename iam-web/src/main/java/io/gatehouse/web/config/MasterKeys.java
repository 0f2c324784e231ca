package io.gatehouse.web.config;

import io.gatehouse.core.credential.MasterKey;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.sts.TokenKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the master key comes from: configuration ({@code gatehouse.master-key}, base64 of 32 bytes,
 * with {@code gatehouse.master-key-id} and older keys in {@code gatehouse.previous-master-keys} as
 * {@code id:base64,...}), or else a key file generated on first start in the data directory.
 */
final class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class.getName());
    static final String KEY_FILE = "master.key";

    private MasterKeys() {
    }

    /** The key that seals new secrets and tokens, and the older ones that still open what they sealed. */
    record Ring(MasterKey current, List<MasterKey> previous) {
        Ring {
            previous = List.copyOf(previous);
        }

        SecretCipher cipher() {
            return new SecretCipher(current, previous);
        }

        TokenKeys tokenKeys() {
            return new TokenKeys(current, previous);
        }
    }

    static Ring load(Optional<String> configuredKey, String configuredKeyId, Optional<String> previousKeys,
                     Path dataDir) {
        MasterKey current = configuredKey
                .map(encoded -> new MasterKey(configuredKeyId, decode(encoded, "gatehouse.master-key")))
                .orElseGet(() -> fromFile(dataDir.resolve(KEY_FILE)));
        List<MasterKey> previous = new ArrayList<>();
        previousKeys.filter(s -> !s.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                previous.add(parse(entry.trim(), "gatehouse.previous-master-keys"));
            }
        });
        return new Ring(current, previous);
    }

    private static MasterKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            Files.createDirectories(file.getParent());
            MasterKey key = SecretCipher.generateKey("local-1");
            Path temp = Files.createTempFile(file.getParent(), "master", ".tmp");
            trySetOwnerOnly(temp);
            Files.writeString(temp, key.id() + ":" + Base64.getEncoder().encodeToString(key.key()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(temp, file);
            LOG.warning("Generated a master key for secrets at rest in " + file
                    + ". In production supply gatehouse.master-key (GATEHOUSE_MASTER_KEY) from a secret store instead.");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warning("Could not restrict permissions of " + file + "; protect it by other means");
        }
    }

    private static MasterKey parse(String idAndKey, String source) {
        int colon = idAndKey.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("A master key in " + source + " must read <id>:<base64 key>");
        }
        return new MasterKey(idAndKey.substring(0, colon), decode(idAndKey.substring(colon + 1), source));
    }

    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not valid base64");
        }
    }
}
