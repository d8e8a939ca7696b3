package org.run78.local;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The local values of the template's parameters: simulator URLs, fresh secrets, or the parameter's Default. */
final class LocalParameters {
    static final String DEV_ADMIN_TOKEN = "local-admin-token-change-me-0123456789";
    static final String DEFAULT_CAMPAIGN_FILE = "campaigns/2019.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalParameters() {
    }

    static Map<String, String> resolve(SamTemplate template, Map<String, String> env, int port, PrintStream out) {
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().forEach((name, declaration) -> {
            Object fallback = declaration.get("Default");
            String value = switch (name) {
                case "WeChatApiBase" -> "http://127.0.0.1:" + port + WeChatEndpoints.PREFIX;
                case "WeChatAppSecret" -> env.getOrDefault("WECHAT_APP_SECRET", randomSecret());
                case "TokenSecret" -> env.getOrDefault("TOKEN_SECRET", randomSecret());
                case "AdminToken" -> adminToken(env, out);
                case "CampaignFile" -> env.getOrDefault("CAMPAIGN_FILE", fallback == null ? DEFAULT_CAMPAIGN_FILE : String.valueOf(fallback));
                default -> {
                    if (fallback == null) {
                        throw new IllegalArgumentException("template parameter " + name
                                + " has no Default and the local stack has no local value for it");
                    }
                    yield String.valueOf(fallback);
                }
            };
            values.put(name, value);
        });
        return values;
    }

    private static String adminToken(Map<String, String> env, PrintStream out) {
        String token = env.get("ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            out.println("ADMIN_TOKEN is not set: the admin token is the dev default " + DEV_ADMIN_TOKEN);
            return DEV_ADMIN_TOKEN;
        }
        return token;
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes); // 64 characters, above TokenSecret's MinLength
    }
}
