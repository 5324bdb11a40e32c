package io.signaldesk.gateway;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface of the application under test (health, metrics, OpenAPI). */
final class ManagementPort {
    private ManagementPort() {
    }

    static String url() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
