package org.run78.wechat;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.run78.app.Json;
import org.run78.domain.donation.RunData;
import org.run78.domain.donation.RunDataDecoder;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/**
 * WeChat's encrypted-data scheme (wx.getWeRunData): AES-128-CBC with PKCS#7 padding
 * (Java's PKCS5Padding is the same for 16-byte blocks), keyed by the user's session key.
 */
public final class RunDataCipher implements RunDataDecoder {

    @Override
    public RunData decode(String encryptedData, String iv, String sessionKey) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(base64(sessionKey), "AES"), new IvParameterSpec(base64(iv)));
            plain = cipher.doFinal(base64(encryptedData));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw refused();
        }
        RunData runData;
        try {
            runData = Json.read(new String(plain, java.nio.charset.StandardCharsets.UTF_8), RunData.class);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        if (runData.stepInfoList() == null || runData.watermark() == null) {
            throw refused();
        }
        return runData;
    }

    /** The same scheme forwards: what WeChat does, and what the local WeChat simulator uses. */
    public static String encrypt(byte[] plain, byte[] key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is unavailable", e);
        }
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static DomainException refused() {
        return new DomainException(ErrorCode.INVALID_RUN_DATA,
                "the run data does not decrypt with this user's WeChat session; log in again and fetch it anew");
    }
}
