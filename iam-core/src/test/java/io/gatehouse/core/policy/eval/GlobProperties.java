package io.gatehouse.core.policy.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Wildcard matching checked against a regular-expression oracle on small alphabets. */
class GlobProperties {

    /** The meaning of IAM wildcards, as a regex: * any run, ? one character, all else literal. */
    private static boolean oracle(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    /** ARN meaning: the first five fields and the rest are matched separately. */
    private static boolean arnOracle(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] p = pattern.split(":", 6);
        String[] t = arn.split(":", 6);
        if (p.length != t.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!oracle(p[i], t[i])) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', '*', '?').ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b').ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> arnPatterns() {
        return Arbitraries.strings().withChars('a', ':', '*', '?').ofMinLength(5).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> arns() {
        return Arbitraries.strings().withChars('a', 'b', ':').ofMinLength(5).ofMaxLength(14);
    }

    @Property
    void agreesWithTheRegexOracle(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertEquals(oracle(pattern, text), Glob.matches(Glob.compile(pattern), text));
    }

    @Property
    void aPatternWithoutWildcardsMatchesOnlyItself(@ForAll("texts") String pattern, @ForAll("texts") String text) {
        assertEquals(pattern.equals(text), Glob.matches(Glob.compile(pattern), text));
    }

    @Property
    void aStarMatchesEveryText(@ForAll String text) {
        assertEquals(true, Glob.matches(Glob.compile("*"), text));
    }

    @Property
    void literalWildcardCharactersInTextAreNotWildcards(@ForAll("texts") String text) {
        // A compiled pattern holding a literal '*' (from ${*}) matches only a literal '*'.
        assertEquals(text.equals("*"), Glob.matches("*", text));
    }

    @Property
    void arnMatchingKeepsWildcardsInsideTheirField(@ForAll("arnPatterns") String pattern, @ForAll("arns") String arn) {
        assertEquals(arnOracle(pattern, arn), Glob.matchesArn(Glob.compile(pattern), arn));
    }
}
