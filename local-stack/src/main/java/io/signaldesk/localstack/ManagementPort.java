package io.signaldesk.localstack;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the Quarkus application under test: health, metrics and OpenAPI
 * live there, never on the public port ({@code quarkus.management.test-port=0} picks a free one).
 */
public final class ManagementPort {
    private ManagementPort() {}

    public static String url() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
