package io.gatehouse.core.totp;

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
    void thePngIsAnImage() throws IOException {
        byte[] png = EnrolmentQrCode.png("otpauth://totp/Gatehouse:x?secret=MZXW6YTBOI&issuer=Gatehouse");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        assertEquals(image.getWidth(), image.getHeight());
    }
}
