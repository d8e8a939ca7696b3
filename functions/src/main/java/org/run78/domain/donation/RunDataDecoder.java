package org.run78.domain.donation;

/** Turns WeChat's encrypted run data back into steps; refuses anything that does not decrypt. */
public interface RunDataDecoder {
    RunData decode(String encryptedData, String iv, String sessionKey);
}
