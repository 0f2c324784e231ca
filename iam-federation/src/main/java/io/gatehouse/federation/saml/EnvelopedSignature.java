package io.gatehouse.federation.saml;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.federation.saml.SamlXml.DSIG_NS;
import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * The enveloped XML signature of one SAML element (a Response or an Assertion), checked with
 * Santuario under a narrow profile: exclusive canonicalization, one reference to the element's own
 * ID, only the enveloped-signature and exclusive-c14n transforms, SHA-2 digests and signatures.
 * SHA-1 is refused although AWS still accepts it: its collisions are practical (SHAttered), and the
 * identity providers Gatehouse federates with (ADFS, Entra ID, Okta, Keycloak) sign with SHA-256.
 * The verifying key always comes from the registered certificates, never from the message.
 */
final class EnvelopedSignature {

    static {
        Init.init();
    }

    private static final String EXCLUSIVE_C14N = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private static final Set<String> SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512);
    private static final Set<String> DIGEST_METHODS = Set.of(MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512);
    private static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE, EXCLUSIVE_C14N);

    private EnvelopedSignature() {
    }

    /** The signature that is a direct child of {@code element}, if it has one. */
    static Optional<Element> of(Element element) {
        return SamlXml.optionalChild(element, DSIG_NS, "Signature");
    }

    /**
     * Verifies {@code signature}, a direct child of {@code signed}, against the trusted certificates,
     * and that its one reference resolves to exactly {@code signed}; throws naming what is wrong.
     */
    static void verify(Element signature, Element signed, String signedId, List<X509Certificate> trusted) {
        String what = "signature of the SAML " + signed.getLocalName();
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, "", true);
            checkProfile(xmlSignature.getSignedInfo(), signedId, what);
            Reference reference = xmlSignature.getSignedInfo().item(0);
            if (!xmlSignature.getSignedInfo().verify(false)) {
                throw invalid("The digest in the " + what + " does not match: the element was altered after signing.");
            }
            if (reference.getContentsBeforeTransformation().getSubNode() != signed) {
                throw invalid("The " + what + " does not cover that element.");
            }
            for (X509Certificate certificate : candidates(signature, trusted, what)) {
                if (xmlSignature.checkSignatureValue(certificate.getPublicKey())) {
                    return;
                }
            }
            throw invalid("The " + what + " does not verify with any certificate registered for the identity provider.");
        } catch (XMLSecurityException e) {
            throw invalid("The " + what + " cannot be verified: " + e.getMessage());
        }
    }

    private static void checkProfile(SignedInfo info, String signedId, String what) throws XMLSecurityException {
        if (!EXCLUSIVE_C14N.equals(info.getCanonicalizationMethodURI())) {
            throw invalid("The " + what + " must use exclusive canonicalization, not "
                    + info.getCanonicalizationMethodURI() + ".");
        }
        if (!SIGNATURE_METHODS.contains(info.getSignatureMethodURI())) {
            throw invalid("The " + what + " uses the signature algorithm " + info.getSignatureMethodURI()
                    + "; accepted are RSA and ECDSA with SHA-256, SHA-384 or SHA-512.");
        }
        if (info.getLength() != 1) {
            throw invalid("The " + what + " must have exactly one Reference, not " + info.getLength() + ".");
        }
        Reference reference = info.item(0);
        if (!("#" + signedId).equals(reference.getURI())) {
            throw invalid("The " + what + " must reference the element's own ID.");
        }
        if (!DIGEST_METHODS.contains(reference.getMessageDigestAlgorithm().getAlgorithmURI())) {
            throw invalid("The " + what + " uses the digest algorithm "
                    + reference.getMessageDigestAlgorithm().getAlgorithmURI() + "; accepted are SHA-256, SHA-384 or SHA-512.");
        }
        Transforms transforms = reference.getTransforms();
        boolean enveloped = false;
        for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
            String uri = transforms.item(i).getURI();
            if (!TRANSFORMS.contains(uri)) {
                throw invalid("The " + what + " uses the transform " + uri
                        + "; accepted are enveloped-signature and exclusive canonicalization.");
            }
            enveloped |= Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri);
        }
        if (!enveloped) {
            throw invalid("The " + what + " must be an enveloped signature.");
        }
    }

    /**
     * The trusted certificates to verify with. When the KeyInfo names certificates, only trusted ones
     * among them (extra chain certificates are ignored); when it names none, every trusted one.
     */
    private static List<X509Certificate> candidates(Element signature, List<X509Certificate> trusted, String what) {
        List<byte[]> offered = new ArrayList<>();
        SamlXml.optionalChild(signature, DSIG_NS, "KeyInfo").ifPresent(keyInfo ->
                SamlXml.descendants(keyInfo, DSIG_NS, "X509Certificate")
                        .forEach(element -> offered.add(certificate(element, what))));
        if (offered.isEmpty()) {
            return trusted;
        }
        List<X509Certificate> named = trusted.stream()
                .filter(certificate -> offered.stream().anyMatch(der -> MessageDigest.isEqual(der, encoded(certificate))))
                .toList();
        if (named.isEmpty()) {
            throw invalid("The " + what + " names a certificate that is not registered for the identity provider.");
        }
        return named;
    }

    private static byte[] certificate(Element element, String what) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(SamlXml.text(element));
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return der;
        } catch (IllegalArgumentException | CertificateException e) {
            throw invalid("The KeyInfo of the " + what + " holds a malformed certificate.");
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A registered certificate cannot be encoded", e);
        }
    }
}
