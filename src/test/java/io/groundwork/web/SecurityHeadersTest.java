package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every kind of response, no shared caching, and metrics and the OpenAPI
 * document behind sign-in while the health probes stay open.
 */
@QuarkusTest
@Tag("app")
class SecurityHeadersTest {
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static Response signedIn(String path) {
    return given().auth().preemptive().basic("bob", "bob-pass").when().get(path);
  }

  private static void assertSecure(Response response, String csp, String cacheControl) {
    assertThat(response.header("Content-Security-Policy")).isEqualTo(csp);
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.headers().getValues("Cache-Control")).containsExactly(cacheControl);
  }

  @Test
  void everyKindOfResponseCarriesTheHeaders() {
    Response api = signedIn("/api/me");
    assertThat(api.statusCode()).isEqualTo(200);
    assertSecure(api, CSP, "no-store");

    for (String page : new String[] {"/", "/index.html", "/view.html"}) {
      Response response = signedIn(page);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.contentType()).startsWith("text/html");
      assertSecure(response, CSP, "no-store");
    }
    for (String asset : new String[] {"/app.js", "/view.js", "/style.css"}) {
      Response response = signedIn(asset);
      assertThat(response.statusCode()).isEqualTo(200);
      assertSecure(response, CSP, "private, no-cache");
    }

    Response unauthorized = given().when().get("/api/me");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertSecure(unauthorized, CSP, "no-store");
    Response notFound = signedIn("/api/nothing-here");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertSecure(notFound, CSP, "no-store");
    Response badRequest = signedIn("/api/search?q=x&topK=abc");
    assertThat(badRequest.statusCode()).isEqualTo(400);
    assertSecure(badRequest, CSP, "no-store");
    Response health = given().when().get("/q/health/ready");
    assertSecure(health, CSP, "no-store");

    Response swagger = signedIn("/q/swagger-ui/");
    assertThat(swagger.statusCode()).isEqualTo(200);
    assertThat(swagger.header("Content-Security-Policy")).isEqualTo(Perimeter.SWAGGER_UI_CSP)
        .contains("frame-ancestors 'none'");
    assertThat(swagger.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void thePagesHaveNoInlineScriptOrStyle() {
    for (String page : new String[] {"/", "/view.html"}) {
      String html = signedIn(page).asString();
      assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
          .doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("<style")
          .doesNotContainPattern("\\sstyle\\s*=");
    }
  }

  @Test
  void metricsOpenApiAndSwaggerUiNeedSignInHealthDoesNot() {
    for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/openapi?format=json",
        "/q/swagger-ui/"}) {
      Response anonymous = given().when().get(path);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Groundwork\"");
      assertThat(signedIn(path).statusCode()).as(path).isEqualTo(200);
    }
    for (String probe : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started"}) {
      assertThat(given().when().get(probe).statusCode()).as(probe).isEqualTo(200);
    }
  }
}
