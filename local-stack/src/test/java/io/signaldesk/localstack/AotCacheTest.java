package io.signaldesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    @TempDir
    Path dir;

    @Test
    void aServiceWithoutACacheRecordsOneAndAServiceWithOneStartsFromIt() throws Exception {
        ServiceProcess.Aot aot = new ServiceProcess.Aot(dir.resolve("aot"));

        assertThat(aot.recording("gateway")).isTrue();
        assertThat(aot.options("gateway", aot.recording("gateway")))
                .containsExactly(
                        "-XX:AOTCacheOutput=" + dir.resolve("aot/gateway.aot").toAbsolutePath());

        Files.write(dir.resolve("aot/gateway.aot"), new byte[] {1});
        assertThat(aot.recording("gateway")).isFalse();
        assertThat(aot.options("gateway", aot.recording("gateway")))
                .containsExactly(
                        "-XX:AOTCache=" + dir.resolve("aot/gateway.aot").toAbsolutePath());
        // each service has its own cache: another one still records
        assertThat(aot.recording("approval-service")).isTrue();
    }

    @Test
    void withoutAFolderNoOptionIsAdded() {
        ServiceProcess.Aot none = new ServiceProcess.Aot(null);
        assertThat(none.options("gateway", none.recording("gateway"))).isEmpty();
        assertThat(none.recording("gateway")).isFalse();
    }
}
