package io.signaldesk.gateway;

import static io.restassured.RestAssured.given;
import static io.signaldesk.gateway.AuthResourceTest.email;
import static io.signaldesk.gateway.AuthResourceTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's refresh: the refresh token lives in an HttpOnly cookie scoped to /api/v1/auth, sent
 * only with the console's {@code X-SignalDesk-Client: web} header (the CSRF defence), rotated and
 * reuse-checked like the body's token; API clients keep the body.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class WebAuthTest {
    static final String PROBLEM = "application/problem+json";
    static final String WEB = "X-SignalDesk-Client";
    static final Pattern COOKIE = Pattern.compile("^sd_refresh=([A-Za-z0-9_-]*);");
    static final String PASSWORD = "correct horse battery";

    static RequestSpecification web() {
        return given().header(WEB, "web").contentType(ContentType.JSON);
    }

    static Response webLogin(String email) {
        return web().body(new JsonObject()
                        .put("email", email)
                        .put("password", PASSWORD)
                        .encode())
                .post("/api/v1/auth/login");
    }

    /** The one sd_refresh Set-Cookie of a response, checked for every attribute the contract names. */
    static String refreshCookie(Response r) {
        var all = r.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("sd_refresh="))
                .toList();
        assertThat(all).hasSize(1);
        String c = all.get(0);
        assertThat(c)
                .contains("; Path=/api/v1/auth")
                .contains("; HttpOnly")
                .contains("; Secure")
                .contains("; SameSite=Strict")
                .contains("; Max-Age=2592000") // gateway.tokens.refresh-ttl=30d
                .doesNotContain("Domain=");
        Matcher m = COOKIE.matcher(c);
        assertThat(m.find()).as(c).isTrue();
        return m.group(1);
    }

    static Response webRefresh(String cookie) {
        return web().cookie("sd_refresh", cookie).body("{}").post("/api/v1/auth/refresh");
    }

    @Test
    void loginSetsTheCookieAndKeepsTheRefreshTokenOutOfTheBody() {
        String email = email();
        register(email, PASSWORD, null);
        Response r = webLogin(email);
        r.then().statusCode(200).contentType(ContentType.JSON);
        JsonObject body = new JsonObject(r.asString());
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("accessToken", "expiresIn", "tokenType");
        String cookie = refreshCookie(r);
        assertThat(cookie).hasSizeGreaterThan(40);
        given().auth()
                .oauth2(body.getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email));
    }

    @Test
    void refreshThroughTheCookieRotatesAndReuseRevokesTheFamily() {
        String email = email();
        register(email, PASSWORD, null);
        String first = refreshCookie(webLogin(email));

        Response second = webRefresh(first);
        second.then().statusCode(200);
        assertThat(new JsonObject(second.asString()).fieldNames())
                .containsExactlyInAnyOrder("accessToken", "expiresIn", "tokenType");
        String rotated = refreshCookie(second);
        assertThat(rotated).isNotEqualTo(first);
        given().auth()
                .oauth2(new JsonObject(second.asString()).getString("accessToken"))
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        // no body and no Content-Type works too (the console's fetch may send none)
        Response third =
                given().header(WEB, "web").cookie("sd_refresh", rotated).post("/api/v1/auth/refresh");
        third.then().statusCode(200);
        String newest = refreshCookie(third);

        // an attacker replays the first (stolen) cookie: reuse, the whole family is signed out
        Response replay = webRefresh(first);
        replay.then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/refresh-token-reused"));
        assertThat(replay.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("sd_refresh=;").contains("Max-Age=0"));
        webRefresh(newest).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void logoutRevokesTheCookiesFamilyAndClearsIt() {
        String email = email();
        register(email, PASSWORD, null);
        String cookie = refreshCookie(webLogin(email));
        String rotated = refreshCookie(webRefresh(cookie));
        Response out = web().cookie("sd_refresh", rotated).post("/api/v1/auth/logout");
        out.then().statusCode(204);
        assertThat(out.headers().getValues("Set-Cookie"))
                .singleElement()
                .satisfies(c -> assertThat(c)
                        .startsWith("sd_refresh=;")
                        .contains("Max-Age=0")
                        .contains("Path=/api/v1/auth")
                        .contains("HttpOnly"));
        webRefresh(rotated).then().statusCode(401).contentType(PROBLEM);
        // logging out again (or without any cookie) still answers 204 and clears the cookie
        given().header(WEB, "web").post("/api/v1/auth/logout").then().statusCode(204);
    }

    @Test
    void aCookieWithoutTheConsoleHeaderIsRefused() {
        String email = email();
        register(email, PASSWORD, null);
        String cookie = refreshCookie(webLogin(email));
        // a cross-site form or script can make the browser send the cookie, but not the header
        for (String path : new String[] {"/api/v1/auth/refresh", "/api/v1/auth/logout"}) {
            given().contentType(ContentType.JSON)
                    .cookie("sd_refresh", cookie)
                    .body("{}")
                    .post(path)
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://signaldesk.io/problems/web-client-header-required"));
            given().header(WEB, "something-else")
                    .contentType(ContentType.JSON)
                    .cookie("sd_refresh", cookie)
                    .body("{}")
                    .post(path)
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
        // a form post (no JSON) with the cookie is not even read
        given().contentType(ContentType.URLENC)
                .cookie("sd_refresh", cookie)
                .formParam("x", "1")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(403, 415));
        // the refused attempts did not spend the token: the console still refreshes with it
        webRefresh(cookie).then().statusCode(200);
    }

    @Test
    void aTossedSecondCookieIsRefusedWithoutClearingAndAGarbageCookieIsRefused() {
        String email = email();
        register(email, PASSWORD, null);
        String victims = refreshCookie(webLogin(email));
        String attacker = email();
        register(attacker, PASSWORD, null);
        String attackers = refreshCookie(webLogin(attacker));
        // A sibling site sets sd_refresh with a narrower path (Path=/api/v1/auth/refresh): the browser then
        // sends both. The gateway cannot tell which is which, so it takes neither.
        Response both = web().header("Cookie", "sd_refresh=" + attackers + "; sd_refresh=" + victims)
                .body("{}")
                .post("/api/v1/auth/refresh");
        both.then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/refresh-token-invalid"));
        // and clears nothing: clearing would remove the victim's own (host-only) cookie and leave the
        // planted one (its Domain or Path differ), which the next page load would sign the victim in with
        assertThat(both.headers().getValues("Set-Cookie")).isEmpty();
        webRefresh("x".repeat(500)).then().statusCode(401).contentType(PROBLEM);
        webRefresh("").then().statusCode(401).contentType(PROBLEM);
        web().body("{}").post("/api/v1/auth/refresh").then().statusCode(401).contentType(PROBLEM);
        // neither real token was spent by the refused attempts
        webRefresh(victims).then().statusCode(200);
        webRefresh(attackers).then().statusCode(200);
    }

    @Test
    void inWebModeATokenInTheBodyIsNotAcceptedInsteadOfTheCookie() {
        String email = email();
        register(email, PASSWORD, null);
        String apiToken = AuthResourceTest.login(email, PASSWORD).getString("refreshToken");
        // the console never holds a refresh token in JS: a body token in web mode is ignored
        web().body(new JsonObject().put("refreshToken", apiToken).encode())
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        AuthResourceTest.refresh(apiToken, 200);
    }

    @Test
    void apiClientsKeepTheBodyTokenAndGetNoCookie() {
        String email = email();
        register(email, PASSWORD, null);
        Response login = given().contentType(ContentType.JSON)
                .body(new JsonObject()
                        .put("email", email)
                        .put("password", PASSWORD)
                        .encode())
                .post("/api/v1/auth/login");
        login.then().statusCode(200);
        assertThat(login.headers().getValues("Set-Cookie")).isEmpty();
        String token = new JsonObject(login.asString()).getString("refreshToken");
        Response refreshed = given().contentType(ContentType.JSON)
                .body(new JsonObject().put("refreshToken", token).encode())
                .post("/api/v1/auth/refresh");
        refreshed.then().statusCode(200);
        assertThat(refreshed.headers().getValues("Set-Cookie")).isEmpty();
        assertThat(new JsonObject(refreshed.asString()).getString("refreshToken"))
                .isNotBlank();
        // a body that is not JSON is still refused as before
        given().contentType(ContentType.TEXT)
                .body("refreshToken=" + token)
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        // an API client's refresh without a token is still a validation error
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/auth/refresh")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://signaldesk.io/problems/validation"));
    }
}
