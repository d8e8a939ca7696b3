package org.run78.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Our user id is a one-way digest of the WeChat openid: stable across logins, usable in
 * keys, tokens and logs, and revealing nothing of the openid.
 */
public final class UserIds {
    private UserIds() {}

    public static String fromOpenId(String openId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("wechat-openid:" + openId).getBytes(StandardCharsets.UTF_8));
            return "u_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
