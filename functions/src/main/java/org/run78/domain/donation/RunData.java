package org.run78.domain.donation;

import java.util.List;

/** WeChat Run data as it decrypts: one entry per day, stamped with that day's midnight. */
public record RunData(List<DaySteps> stepInfoList, Watermark watermark) {

    public RunData {
        stepInfoList = List.copyOf(stepInfoList);
    }

    public record DaySteps(long timestamp, long step) {}

    /** WeChat's proof of origin: the mini-program it was issued to, and when (epoch seconds). */
    public record Watermark(String appid, long timestamp) {}
}
