package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.signaldesk.localstack.LocalInfraTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web console from the classpath (META-INF/signaldesk-console/, here a test index.html and one
 * asset): the SPA fallback, cache and security headers, and that it never shadows the API.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class ConsoleTest {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String ASSET = "/assets/app-TEST1234.js";

    static ValidatableResponse securityHeaders(ValidatableResponse r) {
        return r.header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void theRootAndClientSideRoutesAreIndexHtmlNeverCached() {
        for (String path : List.of("/", "/approvals", "/strategies/3f2c9a", "/affiliate/earnings/")) {
            securityHeaders(given().get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .body(containsString("test-console-index")));
        }
    }

    @Test
    void aHashedAssetIsServedImmutableWithItsType() {
        securityHeaders(given().get(ASSET)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(containsString("test-console-asset")));
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        securityHeaders(given().head(ASSET)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(emptyString()));
        given().head("/approvals")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(emptyString());
    }

    @Test
    void anUnknownFileIs404NotIndexHtml() {
        for (String path : List.of("/assets/missing-123.js", "/favicon.ico", "/assets/", "/application.properties")) {
            securityHeaders(given().get(path).then().statusCode(404).body(not(containsString("test-console-index"))));
        }
    }

    @Test
    void pathTraversalIsRefusedWhateverItsSpelling() {
        int port = RestAssured.port;
        for (String path : List.of(
                "/assets/../../application.properties",
                "/assets/%2e%2e/%2e%2e/application.properties",
                "/assets/%2E%2E%2F%2E%2E%2Fapplication.properties",
                "/assets/..%5c..%5capplication.properties",
                "/assets\\..\\..\\application.properties",
                "/../META-INF/signaldesk-console/index.html",
                "/assets/..;/index.html",
                "//assets/app-TEST1234.js",
                "/assets/%00.js",
                "/assets/../../io/signaldesk/gateway/proxy/GatewayRoutes.class")) {
            RawHttp.Reply r = RawHttp.send(port, "GET", path, "", null);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.text())
                    .as(path)
                    .doesNotContain("quarkus.")
                    .doesNotContain("gateway.routes")
                    .doesNotContain("test-console-index");
        }
    }

    @Test
    void theConsoleNeverShadowsTheApiReferralLinksOrOperationalPaths() {
        // API paths keep their problem+json answers, with no console headers or body
        given().get("/api/v1/approvals")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().get("/api").then().statusCode(404).body(not(containsString("test-console-index")));
        // a referral link goes to affiliate-service (down in tests: 503), not to index.html
        given().redirects()
                .follow(false)
                .get("/r/ABCDEFGH23")
                .then()
                .statusCode(503)
                .body(not(containsString("test-console-index")));
        given().get("/r").then().body(not(containsString("test-console-index")));
        // the operational endpoints live on the management port only
        for (String p : List.of("/q/health", "/q/metrics", "/q")) {
            given().get(p).then().statusCode(404).body(not(containsString("test-console-index")));
        }
    }

    @Test
    void otherMethodsOnConsolePathsAreNotServed() {
        given().post("/approvals").then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
        given().delete(ASSET).then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
    }
}
