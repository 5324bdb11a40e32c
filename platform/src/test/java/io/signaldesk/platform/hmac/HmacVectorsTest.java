package io.signaldesk.platform.hmac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vectors published in docs/ea-protocol.md must be what the code computes. */
class HmacVectorsTest {

    static List<Map<String, String>> vectors() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ea-protocol.md"), StandardCharsets.UTF_8);
        List<Map<String, String>> out = new ArrayList<>();
        int i = 0;
        while ((i = doc.indexOf("```vector\n", i)) >= 0) {
            int end = doc.indexOf("\n```", i + 10);
            Map<String, String> v = new LinkedHashMap<>();
            for (String line : doc.substring(i + 10, end).split("\n")) {
                int colon = line.indexOf(": ");
                v.put(line.substring(0, colon), line.substring(colon + 2));
            }
            String body = v.get("body");
            v.put("body", body.substring(1, body.length() - 1)); // strip the backticks
            out.add(v);
            i = end;
        }
        return out;
    }

    @Test
    void theDocumentedVectorsMatchTheImplementation() throws IOException {
        List<Map<String, String>> vectors = vectors();
        assertThat(vectors).hasSize(3);
        for (Map<String, String> v : vectors) {
            byte[] body = v.get("body").getBytes(StandardCharsets.UTF_8);
            assertThat(Hmac.sha256Hex(body)).isEqualTo(v.get("body-sha256"));
            String canonical = Hmac.canonical(
                    v.get("method"), v.get("path"), Long.parseLong(v.get("timestamp")), v.get("nonce"), body);
            assertThat(Hmac.sign(v.get("secret"), canonical)).as(v.get("path")).isEqualTo(v.get("signature"));
            assertThat(Hmac.verify(
                            v.get("secret"), canonical, v.get("signature").toUpperCase()))
                    .isTrue();
        }
    }

    @Test
    void anyChangeToTheRequestBreaksTheSignature() {
        String c = Hmac.canonical(
                "POST",
                "/api/v1/ea/ack",
                1795478401500L,
                "n0nce-0002-abcdefgh",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String sig = Hmac.sign("secret-one-secret", c);
        assertThat(Hmac.verify("secret-one-secret", c, sig)).isTrue();
        assertThat(Hmac.verify("secret-two-secret", c, sig)).isFalse();
        assertThat(Hmac.verify("secret-one-secret", c.replace("/ack", "/acK"), sig))
                .isFalse();
        assertThat(Hmac.verify(
                        "secret-one-secret",
                        Hmac.canonical(
                                "POST",
                                "/api/v1/ea/ack",
                                1795478401501L,
                                "n0nce-0002-abcdefgh",
                                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                        sig))
                .isFalse();
        assertThat(Hmac.verify(
                        "secret-one-secret",
                        Hmac.canonical(
                                "POST",
                                "/api/v1/ea/ack",
                                1795478401500L,
                                "n0nce-0002-abcdefgh",
                                "{\"a\":2}".getBytes(StandardCharsets.UTF_8)),
                        sig))
                .isFalse();
        assertThat(Hmac.verify("secret-one-secret", c, null)).isFalse();
        assertThat(Hmac.verify("secret-one-secret", c, sig.substring(1))).isFalse();
    }
}
