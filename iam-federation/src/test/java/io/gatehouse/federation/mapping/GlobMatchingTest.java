package io.gatehouse.federation.mapping;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import static io.gatehouse.federation.mapping.IdentityBuilder.identity;
import static io.gatehouse.federation.mapping.RuleBuilder.claimLike;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class GlobMatchingTest {

    private static final Random RANDOM = new Random(20261201L);

    @Test
    void refusesAPathologicalPatternWithoutBacktrackingExponentially() {
        // A backtracking regex needs ~2^n steps for (a*)^n b against n a's; a glob must not.
        String pattern = "a*".repeat(200) + "b";
        String value = "a".repeat(50_000);
        MappingCondition condition = claimLike("x", pattern);
        FederatedIdentity identity = identity().claim("x", value).build();
        boolean holds = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> condition.holdsFor(identity));
        assertFalse(holds);
    }

    @RepeatedTest(300)
    void agreesWithAQuotedRegularExpression() {
        // Property: the glob means what a regex built from it with every literal quoted means.
        String pattern = random("ab*?.", 1 + RANDOM.nextInt(8));
        String value = random("ab.", RANDOM.nextInt(10));
        boolean expected = Pattern.compile(toRegex(pattern), Pattern.DOTALL).matcher(value).matches();
        assertEquals(expected, claimLike("x", pattern).holdsFor(identity().claim("x", value).build()),
                () -> "pattern " + pattern + " against " + value);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }
}
