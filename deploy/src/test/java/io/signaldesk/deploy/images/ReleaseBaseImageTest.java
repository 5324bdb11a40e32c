package io.signaldesk.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Production images start FROM a base pinned by digest (a tag alone can be moved under a release), and
 * never from the offline base these machines build. Cheap, so it runs in the default test run; the
 * images themselves are checked by {@link ImageConfigTest}.
 */
class ReleaseBaseImageTest {

    @Test
    void releaseBaseIsARegistryImagePinnedByDigest() throws Exception {
        Element properties = (Element) DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("")
                        .toAbsolutePath()
                        .getParent()
                        .resolve("pom.xml")
                        .toFile())
                .getDocumentElement()
                .getElementsByTagName("properties")
                .item(0);
        String base = properties
                .getElementsByTagName("image.release.base")
                .item(0)
                .getTextContent()
                .trim();

        assertThat(base)
                .as("image.release.base in the root pom")
                .matches("[a-z0-9.-]+(:\\d+)?/[a-z0-9._/-]+(:[\\w.-]+)?@sha256:[0-9a-f]{64}")
                .doesNotStartWith("tar://")
                .doesNotStartWith("docker://");
    }
}
