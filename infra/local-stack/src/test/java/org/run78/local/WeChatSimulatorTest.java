package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Json;

/** The simulator over HTTP, as the mini-program and the backend would call it. */
class WeChatSimulatorTest {
    private static final String APP_ID = "wx1234567890abcdef"; // the Default of minimal.yaml's WeChatAppId
    private static final String SECRET = SharedMoto.TEST_PARAMETER_ENVIRONMENT.get("WECHAT_APP_SECRET");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2019-07-08T00:30:00Z"); // 08:30 in Shanghai
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start("minimal.yaml");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void atCampaignEnd() {
        stack.clock().set(NOW);
    }

    private static String user(String prefix) {
        return prefix + UUID.randomUUID();
    }

    private static String login(String openId) {
        LocalHttp.Answer answer = LocalHttp.post(stack.uri("/_local/wechat/login"), "{\"openId\":\"" + openId + "\"}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("code").asText();
    }

    private static JsonNode exchange(String appId, String secret, String code) {
        LocalHttp.Answer answer = LocalHttp.get(stack.uri("/_local/wechat/sns/jscode2session?appid=" + appId
                + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&js_code=" + code
                + "&grant_type=authorization_code"));
        assertEquals(200, answer.status(), "WeChat answers 200 even for errors");
        return answer.json();
    }

    private static JsonNode exchange(String code) {
        return exchange(APP_ID, SECRET, code);
    }

    private static JsonNode runData(String openId, String stepsAndDay) {
        LocalHttp.Answer answer = LocalHttp.post(stack.uri("/_local/wechat/werun"),
                "{\"openId\":\"" + openId + "\"," + stepsAndDay + "}");
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static String decrypt(JsonNode data, String sessionKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(data.get("iv").asText())));
        return new String(cipher.doFinal(Base64.getDecoder().decode(data.get("encryptedData").asText())),
                StandardCharsets.UTF_8);
    }

    @Test
    void run_data_decrypts_with_the_session_key_to_wechat_s_exact_format() throws Exception {
        String openId = user("runner-");
        String sessionKey = exchange(login(openId)).get("session_key").asText();
        assertEquals(16, Base64.getDecoder().decode(sessionKey).length);

        JsonNode data = runData(openId, "\"steps\":12345");
        assertEquals(16, Base64.getDecoder().decode(data.get("iv").asText()).length);
        String plain = decrypt(data, sessionKey);

        long watermark = Json.MAPPER.readTree(plain).at("/watermark/timestamp").asLong();
        assertTrue(watermark >= NOW.getEpochSecond() && watermark < NOW.getEpochSecond() + 600,
                "the watermark is now on the simulated clock: " + watermark);
        StringBuilder expected = new StringBuilder("{\"stepInfoList\":[");
        LocalDate today = LocalDate.of(2019, 7, 8);
        for (LocalDate day = today.minusDays(30); !day.isAfter(today); day = day.plusDays(1)) {
            expected.append("{\"timestamp\":").append(day.atStartOfDay(SHANGHAI).toEpochSecond())
                    .append(",\"step\":").append(day.equals(today) ? 12345 : 0).append('}')
                    .append(day.equals(today) ? "" : ",");
        }
        expected.append("],\"watermark\":{\"timestamp\":").append(watermark).append(",\"appid\":\"").append(APP_ID).append("\"}}");
        assertEquals(expected.toString(), plain);
        assertEquals(1562515200L, LocalDate.of(2019, 7, 8).atStartOfDay(SHANGHAI).toEpochSecond(),
                "today's entry is stamped with midnight in Shanghai");
    }

    @Test
    void steps_go_on_the_day_asked_for_and_every_other_day_has_none() throws Exception {
        String openId = user("runner-");
        String sessionKey = exchange(login(openId)).get("session_key").asText();
        JsonNode list = Json.MAPPER.readTree(decrypt(runData(openId, "\"steps\":9000,\"day\":\"2019-07-01\""), sessionKey))
                .get("stepInfoList");
        assertEquals(31, list.size());
        long dayStamp = LocalDate.of(2019, 7, 1).atStartOfDay(SHANGHAI).toEpochSecond();
        for (JsonNode entry : list) {
            assertEquals(entry.get("timestamp").asLong() == dayStamp ? 9000 : 0, entry.get("step").asLong());
        }
    }

    @Test
    void a_second_login_rotates_the_session_key() throws Exception {
        String openId = user("runner-");
        String firstKey = exchange(login(openId)).get("session_key").asText();
        String secondKey = exchange(login(openId)).get("session_key").asText();
        assertNotEquals(firstKey, secondKey);

        JsonNode data = runData(openId, "\"steps\":8000");
        assertTrue(decrypt(data, secondKey).startsWith("{\"stepInfoList\""));
        String withOldKey;
        try {
            withOldKey = decrypt(data, firstKey);
        } catch (GeneralSecurityException refused) {
            withOldKey = null;
        }
        assertFalse(withOldKey != null && withOldKey.startsWith("{\"stepInfoList\""), "the old key no longer works");
    }

    @Test
    void a_code_works_once_and_only_for_five_minutes() {
        String openId = user("runner-");
        String code = login(openId);
        JsonNode first = exchange(code);
        assertEquals(openId, first.get("openid").asText());
        assertFalse(first.has("errcode"));
        assertEquals(40029, exchange(code).get("errcode").asInt(), "a used code");
        assertEquals(40029, exchange("no-such-code").get("errcode").asInt(), "an unknown code");

        String late = login(openId);
        stack.clock().set(NOW.plus(Duration.ofMinutes(6)));
        assertEquals(40029, exchange(late).get("errcode").asInt(), "an expired code");
    }

    @Test
    void wrong_app_credentials_and_the_test_users_get_wechat_s_error_codes() {
        String openId = user("runner-");
        String code = login(openId);
        assertEquals(40013, exchange("wx-wrong", SECRET, code).get("errcode").asInt());
        assertEquals(40125, exchange(APP_ID, "wrong-secret", code).get("errcode").asInt());
        assertEquals(40226, exchange(login(user("blocked-"))).get("errcode").asInt());
        assertEquals(-1, exchange(login(user("busy-"))).get("errcode").asInt());
        assertEquals(45011, exchange(login(user("ratelimited-"))).get("errcode").asInt());
        JsonNode error = exchange("wx-wrong", SECRET, code);
        assertTrue(error.get("errmsg").isTextual() && !error.has("openid") && !error.has("session_key"));
        assertEquals(openId, exchange(code).get("openid").asText(), "refused exchanges did not use the code up");
    }

    @Test
    void bad_input_is_refused_with_400_invalid_request() {
        String openId = user("runner-");
        login(openId);
        for (String body : new String[] {
                "{}", "{\"openId\":\"\"}", "not json",
                "{\"openId\":\"" + openId + "\",\"steps\":-1}",
                "{\"openId\":\"" + openId + "\",\"steps\":1.5}",
                "{\"openId\":\"" + openId + "\",\"steps\":\"8000\"}",
                "{\"openId\":\"" + openId + "\",\"steps\":8000,\"day\":\"2019-7-1\"}",
                "{\"openId\":\"" + openId + "\",\"steps\":8000,\"day\":\"2019-06-07\"}",
                "{\"openId\":\"" + openId + "\",\"steps\":8000,\"day\":\"2019-07-09\"}",
                "{\"openId\":\"never-logged-in\",\"steps\":8000}"}) {
            LocalHttp.Answer answer = LocalHttp.post(stack.uri("/_local/wechat/werun"), body);
            assertEquals(400, answer.status(), body);
            assertEquals("INVALID_REQUEST", answer.json().at("/error/code").asText(), body);
            assertFalse(answer.json().at("/error/message").asText().isEmpty());
        }
        assertEquals(400, LocalHttp.post(stack.uri("/_local/wechat/login"), "{\"open\":\"x\"}").status());
    }

    @Test
    void the_oldest_day_of_the_31_is_accepted() throws Exception {
        String openId = user("runner-");
        String sessionKey = exchange(login(openId)).get("session_key").asText();
        JsonNode list = Json.MAPPER.readTree(decrypt(runData(openId, "\"steps\":100,\"day\":\"2019-06-08\""), sessionKey))
                .get("stepInfoList");
        assertEquals(100, list.get(0).get("step").asLong());
        assertEquals(LocalDate.of(2019, 6, 8).atStartOfDay(SHANGHAI).toEpochSecond(), list.get(0).get("timestamp").asLong());
    }
}
