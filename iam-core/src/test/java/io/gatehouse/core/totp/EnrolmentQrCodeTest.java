package io.gatehouse.core.totp;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class EnrolmentQrCodeTest {

    @Test
    void theUriNamesIssuerAccountAndBase32Secret() {
        String uri = EnrolmentQrCode.uri("alice-phone", "foobar".getBytes(StandardCharsets.US_ASCII));

        assertEquals("otpauth://totp/Gatehouse:alice-phone?secret=MZXW6YTBOI&issuer=Gatehouse", uri);
    }

    @Test
    void thePngIsAQrCodeOfTheUri() throws Exception {
        String uri = EnrolmentQrCode.uri("alice", "12345678901234567890".getBytes(StandardCharsets.US_ASCII));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(EnrolmentQrCode.png(uri)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));

        assertEquals(uri, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void thePngIsAnImage() throws IOException {
        byte[] png = EnrolmentQrCode.png("otpauth://totp/Gatehouse:x?secret=MZXW6YTBOI&issuer=Gatehouse");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(image.getWidth(), image.getHeight());
    }
}
