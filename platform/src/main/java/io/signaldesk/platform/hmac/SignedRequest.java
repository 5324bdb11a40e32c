package io.signaldesk.platform.hmac;

/** The parts of an incoming request that the signature covers, plus the signer's claims. */
public record SignedRequest(
        String keyId,
        String method,
        String pathWithQuery,
        String timestamp,
        String nonce,
        String signature,
        byte[] body) {}
