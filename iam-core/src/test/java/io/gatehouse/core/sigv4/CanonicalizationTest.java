package io.gatehouse.core.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Canonical request parts beyond what AWS's test suite covers. */
class CanonicalizationTest {

    @Test
    void anEmptyPathIsTheRoot() {
        assertEquals("/", Canonicalization.uri(""));
    }

    @Test
    void theIamAndStsPathStaysTheRoot() {
        assertEquals("/", Canonicalization.uri("/"));
    }

    @Test
    void anEncodedPathIsEncodedAgainAsSdksDoForServicesOtherThanS3() {
        assertEquals("/a%2520b/%25E1%2588%25B4", Canonicalization.uri("/a%20b/%E1%88%B4"));
    }

    @Test
    void dotDotAboveTheRootStaysAtTheRoot() {
        assertEquals("/a", Canonicalization.uri("/../../a"));
    }

    @Test
    void theQueryIsSortedByNameThenValue() {
        assertEquals("a=1&a=2&b=", Canonicalization.query("b&a=2&a=1", false));
    }

    @Test
    void queryNamesAndValuesAreDecodedThenEncodedWithTheUnreservedSet() {
        assertEquals("k%20y=%2B%2A~&n=%E1%88%B4", Canonicalization.query("n=%e1%88%b4&k%20y=+*%7E", false));
    }

    @Test
    void aPresignedQueryLeavesOutItsSignature() {
        assertEquals("A=1", Canonicalization.query("X-Amz-Signature=abc&A=1", true));
    }

    @Test
    void aMalformedPercentStaysLiteral() {
        assertEquals("a=%25zz", Canonicalization.query("a=%zz", false));
    }

    @Test
    void signedHeaderNamesAreLowerCasedAndSorted() {
        assertEquals("host;x-amz-date", Canonicalization.signedHeaders(List.of("X-Amz-Date", "Host")));
    }

    @Test
    void headerValuesAreTrimmedAndInnerWhitespaceCollapsed() {
        assertEquals("a b c", Canonicalization.trimValue("  a \t b\n   c  "));
    }
}
