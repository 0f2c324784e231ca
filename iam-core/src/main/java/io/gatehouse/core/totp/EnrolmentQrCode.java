package io.gatehouse.core.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code otpauth://totp/...} URI that authenticator apps scan (the Key Uri Format of Google
 * Authenticator), and its QR code as a PNG: what AWS returns as QRCodePNG.
 */
public final class EnrolmentQrCode {

    public static final String ISSUER = "Gatehouse";
    private static final int SIZE = 240;

    private EnrolmentQrCode() {
    }

    /** {@code otpauth://totp/Gatehouse:<account label>?secret=<base32>&issuer=Gatehouse}. */
    public static String uri(String accountLabel, byte[] seed) {
        String label = encode(ISSUER) + ":" + encode(accountLabel);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(seed) + "&issuer=" + encode(ISSUER);
    }

    public static byte[] png(String uri) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the enrolment URI as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encoding for a URI path or query part (spaces as %20, as the key URI format wants). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
