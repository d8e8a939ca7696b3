package org.run78.domain.session;

import java.time.Clock;
import java.time.Instant;

import org.run78.auth.UserTokens;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

/** Logging in with WeChat, and taking the new session key that a later wx.login brings. */
public final class SessionService {
    private final WeChatLogin weChat;
    private final SessionKeys sessionKeys;
    private final UserTokens tokens;
    private final Clock clock;

    public SessionService(WeChatLogin weChat, SessionKeys sessionKeys, UserTokens tokens, Clock clock) {
        this.weChat = weChat;
        this.sessionKeys = sessionKeys;
        this.tokens = tokens;
        this.clock = clock;
    }

    public UserTokens.Issued login(String code) {
        WeChatSession session = weChat.exchange(code);
        Instant now = clock.instant();
        String userId = UserIds.fromOpenId(session.openId());
        sessionKeys.store(userId, session.sessionKey(), now);
        return tokens.issue(userId, now);
    }

    /** A fresh wx.login replaces the session key that the run data is encrypted with. */
    public String renewSessionKey(String userId, String code) {
        WeChatSession session = weChat.exchange(code);
        if (!UserIds.fromOpenId(session.openId()).equals(userId)) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "the login code belongs to another WeChat user");
        }
        sessionKeys.store(userId, session.sessionKey(), clock.instant());
        return session.sessionKey();
    }

    public String currentSessionKey(String userId) {
        return sessionKeys.current(userId).orElseThrow(() ->
                new DomainException(ErrorCode.UNAUTHORIZED, "no WeChat session for this user; log in again"));
    }
}
