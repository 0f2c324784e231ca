package io.gatehouse.core.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Properties of the canonical forms that the example-based suite cannot pin down alone. */
class CanonicalizationPropertyTest {

    @Property
    void decodingUndoesEncoding(@ForAll String text) {
        String wellFormed = text.codePoints().filter(c -> !Character.isSurrogate((char) c) || c > 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertEquals(wellFormed, Canonicalization.decode(Canonicalization.encode(wellFormed)));
    }

    @Property
    void encodingLeavesOnlyUnreservedCharactersAndPercentEscapes(@ForAll String text) {
        assertTrue(Canonicalization.encode(text).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*"));
    }

    @Property
    void theCanonicalQueryIgnoresTheOrderParametersWereSentIn(
            @ForAll @Size(max = 6) List<@Size(max = 4) String> names, @ForAll long seed) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            pairs.add(Canonicalization.encode(names.get(i)) + "=" + i);
        }
        List<String> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, new Random(seed));

        assertEquals(Canonicalization.query(String.join("&", pairs), false),
                Canonicalization.query(String.join("&", shuffled), false));
    }
}
