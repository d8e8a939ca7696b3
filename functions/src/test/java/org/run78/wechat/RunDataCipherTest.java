package org.run78.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.run78.domain.donation.RunData;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class RunDataCipherTest {
    final RunDataCipher cipher = new RunDataCipher();
    final byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    final byte[] iv = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    final String plain = "{\"stepInfoList\":[{\"timestamp\":1561478400,\"step\":9001}],"
            + "\"watermark\":{\"timestamp\":1561530000,\"appid\":\"wx-test\"}}";

    String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void runDataEncryptedWithTheSessionKeyDecryptsToWeChatsFormat() {
        String encrypted = RunDataCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), key, iv);
        RunData data = cipher.decode(encrypted, b64(iv), b64(key));
        assertEquals(9001, data.stepInfoList().get(0).step());
        assertEquals(1561478400L, data.stepInfoList().get(0).timestamp());
        assertEquals("wx-test", data.watermark().appid());
    }

    @Test
    void runDataEncryptedWithAnotherUsersKeyIsRefused() {
        String encrypted = RunDataCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), "another-key-0000".getBytes(), iv);
        assertEquals(ErrorCode.INVALID_RUN_DATA,
                assertThrows(DomainException.class, () -> cipher.decode(encrypted, b64(iv), b64(key))).code());
    }

    @Test
    void tamperedCiphertextIsRefused() {
        byte[] bytes = Base64.getDecoder().decode(RunDataCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), key, iv));
        bytes[bytes.length - 1] ^= 0x5a;
        assertThrows(DomainException.class, () -> cipher.decode(b64(bytes), b64(iv), b64(key)));
    }

    @Test
    void notBase64AndWrongLengthsAreRefusedAsInvalidRunData() {
        String encrypted = RunDataCipher.encrypt(plain.getBytes(StandardCharsets.UTF_8), key, iv);
        for (String[] bad : new String[][] {{"%%%", b64(iv)}, {encrypted, "short"}, {encrypted, b64(new byte[8])}, {"", b64(iv)}}) {
            assertEquals(ErrorCode.INVALID_RUN_DATA,
                    assertThrows(DomainException.class, () -> cipher.decode(bad[0], bad[1], b64(key))).code());
        }
    }

    @Test
    void plaintextThatIsNotRunDataIsRefused() {
        String encrypted = RunDataCipher.encrypt("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), key, iv);
        assertThrows(DomainException.class, () -> cipher.decode(encrypted, b64(iv), b64(key)));
    }
}
