package org.run78.domain.session;

/** What WeChat's code2Session gives for a wx.login code. The session key never leaves the server. */
public record WeChatSession(String openId, String sessionKey) {

    @Override
    public String toString() {
        return "WeChatSession[openId=<hidden>, sessionKey=<hidden>]";
    }
}
