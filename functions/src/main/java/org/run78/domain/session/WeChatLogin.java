package org.run78.domain.session;

/** WeChat's code2Session: a wx.login code in, the user's openid and session key out. */
public interface WeChatLogin {
    WeChatSession exchange(String code);
}
