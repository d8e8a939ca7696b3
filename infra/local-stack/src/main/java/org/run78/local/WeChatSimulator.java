package org.run78.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.run78.app.Json;

/**
 * WeChat's side of a mini-program login and of wx.getWeRunData: one-time login codes, the
 * per-user session key that each login replaces, code2Session, and encrypted run data.
 */
public final class WeChatSimulator {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    public static final int RUN_DATA_DAYS = 31;
    private static final String CODE_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private record IssuedCode(String openId, Instant expiresAt) {
    }

    /** Run data as wx.getWeRunData hands it to the mini-program. */
    public record EncryptedRunData(String encryptedData, String iv) {
    }

    private final String appId;
    private final String appSecret;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> sessionKeys = new ConcurrentHashMap<>();

    public WeChatSimulator(String appId, String appSecret, Clock clock, ZoneId zone) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
        this.zone = zone;
    }

    public String appId() {
        return appId;
    }

    /** wx.login: a fresh one-time code, and a fresh session key that replaces the user's previous one. */
    public String login(String openId) {
        Instant now = clock.instant();
        codes.values().removeIf(c -> c.expiresAt().isBefore(now));
        byte[] key = new byte[16];
        random.nextBytes(key);
        sessionKeys.put(openId, key);
        String code = randomCode();
        codes.put(code, new IssuedCode(openId, now.plus(CODE_LIFETIME)));
        return code;
    }

    /** The reply of GET /sns/jscode2session, in WeChat's format (errors are errcode/errmsg with status 200). */
    public ObjectNode codeToSession(String appid, String secret, String jsCode) {
        if (appid == null || appid.isEmpty()) {
            return error(41002, "appid missing");
        }
        if (secret == null || secret.isEmpty()) {
            return error(41004, "appsecret missing");
        }
        if (jsCode == null || jsCode.isEmpty()) {
            return error(41008, "missing code");
        }
        if (!appid.equals(appId)) {
            return error(40013, "invalid appid");
        }
        if (!secret.equals(appSecret)) {
            return error(40125, "invalid appsecret");
        }
        IssuedCode issued = codes.get(jsCode);
        if (issued == null || issued.expiresAt().isBefore(clock.instant())) {
            return error(40029, "invalid code");
        }
        // Test hooks: these users provoke WeChat's other answers (the code stays unused).
        if (issued.openId().startsWith("blocked-")) {
            return error(40226, "high risk user");
        }
        if (issued.openId().startsWith("busy-")) {
            return error(-1, "system error");
        }
        if (issued.openId().startsWith("ratelimited-")) {
            return error(45011, "api minute-quota reach limit  mustslower  retry next minute");
        }
        if (!codes.remove(jsCode, issued)) {
            return error(40029, "invalid code"); // a concurrent exchange of the same code won
        }
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("session_key", Base64.getEncoder().encodeToString(sessionKeys.get(issued.openId())));
        reply.put("openid", issued.openId());
        return reply;
    }

    /** The user's current session key (base64), as WeChat holds it. */
    public Optional<String> sessionKey(String openId) {
        return Optional.ofNullable(sessionKeys.get(openId)).map(k -> Base64.getEncoder().encodeToString(k));
    }

    /** Today in the campaign's time zone, by the simulated clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The last 31 days of run data, {@code steps} on {@code day} and 0 on the others, encrypted with the session key. */
    public EncryptedRunData runData(String openId, long steps, LocalDate day) {
        byte[] key = sessionKeys.get(openId);
        if (key == null) {
            throw new IllegalArgumentException("user " + openId + " never logged in: no session key to encrypt with");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(RUN_DATA_DAYS - 1);
        if (day.isBefore(first) || day.isAfter(today)) {
            throw new IllegalArgumentException("day must be within the last " + RUN_DATA_DAYS + " days (" + first
                    + " to " + today + "), got " + day);
        }
        ObjectNode plain = Json.MAPPER.createObjectNode();
        ArrayNode list = plain.putArray("stepInfoList");
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            list.addObject().put("timestamp", d.atStartOfDay(zone).toEpochSecond()).put("step", d.equals(day) ? steps : 0);
        }
        plain.putObject("watermark").put("timestamp", now.getEpochSecond()).put("appid", appId);
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        return new EncryptedRunData(Base64.getEncoder().encodeToString(encrypt(plain.toString(), key, iv)),
                Base64.getEncoder().encodeToString(iv));
    }

    public void reset() {
        codes.clear();
        sessionKeys.clear();
    }

    private static byte[] encrypt(String plaintext, byte[] key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding"); // PKCS#7 for 16-byte blocks
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is part of every JDK", e);
        }
    }

    private ObjectNode error(int code, String message) {
        byte[] rid = new byte[6];
        random.nextBytes(rid);
        StringBuilder hex = new StringBuilder();
        for (byte b : rid) {
            hex.append(String.format("%02x", b));
        }
        return Json.MAPPER.createObjectNode().put("errcode", code).put("errmsg", message + ", rid: " + hex);
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
