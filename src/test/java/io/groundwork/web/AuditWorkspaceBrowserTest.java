package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.groundwork.testing.Chromium;
import io.groundwork.testing.RequiresBrowser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.zip.ZipInputStream;
import io.groundwork.testing.Screenshots;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Audit workspace in a real browser, as erin (auditor, no access groups): the trail status is
 * shown, a filter finds alice's answer, its page shows it redacted with the HR document named and
 * its integrity, a reveal with a reason shows the content and is itself listed as a record, and
 * both exports download. Screenshots at 1280 and 390 px go to target/screenshots.
 */
@QuarkusTest
@RequiresBrowser
@Tag("slow")
class AuditWorkspaceBrowserTest {
  @TestHTTPResource("/audit.html")
  URL auditPage;

  private static void upload(String name, String text, String groups) {
    given().auth().preemptive().basic("erin", "erin-pass")
        .config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 180_000)))
        .multiPart("file", name, text.getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", groups)
        .when().post("/api/ingest/uploads").then().statusCode(200)
        .body("failed.size()", equalTo(0));
  }

  private static void ask(String user, String question) {
    given().auth().preemptive().basic(user, user + "-pass").contentType(ContentType.JSON)
        .body(Map.of("question", question)).when().post("/api/ask").then().statusCode(200);
  }

  /** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
  private static int overflow(Page page) {
    return ((Number) page.evaluate("() => document.documentElement.scrollWidth"
        + " - window.innerWidth")).intValue();
  }

  @Test
  void findReadVerifyRevealWithAReasonAndExport() throws IOException {
    upload("browser-audit-bonus.md", "# Filey bonus\n\nThe Filey depot retention bonus for"
        + " forklift drivers is 1,800 pounds a year.\n", "hr");
    upload("browser-audit-parking.md", "# Filey parking\n\nThe Filey depot car park opens at"
        + " six in the morning.\n", "everyone");
    ask("alice", "What is the Filey depot retention bonus for forklift drivers?");
    ask("bob", "When does the Filey depot car park open?");
    try (var playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setHttpCredentials("erin", "erin-pass").setAcceptDownloads(true)
            .setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.navigate(auditPage.toString());
      PlaywrightAssertions.assertThat(page.locator("#me")).containsText("erin");
      PlaywrightAssertions.assertThat(page.locator("#trail-status")).containsText("Chain intact");
      PlaywrightAssertions.assertThat(page.locator("nav.workspaces a[aria-current=page]"))
          .hasText("Audit");

      page.locator("#f-user").fill("alice");
      page.locator("#f-action").selectOption("answer");
      page.locator("#filters button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#results tbody tr").first())
          .containsText("Redacted: draws on browser-audit-bonus.md");
      Screenshots.atDesktopAndPhoneWidth(page, "audit-list");

      page.locator("#results tbody tr").first().locator("a").click();
      PlaywrightAssertions.assertThat(page.locator("#integrity")).containsText("intact");
      PlaywrightAssertions.assertThat(page.locator("#redacted-note"))
          .containsText("browser-audit-bonus.md (readable by hr)");
      PlaywrightAssertions.assertThat(page.locator("#record-question")).hasText("(redacted)");
      PlaywrightAssertions.assertThat(page.locator("#retrieved tbody tr").first())
          .containsText("browser-audit");
      Screenshots.atDesktopAndPhoneWidth(page, "audit-record-redacted");
      page.locator("#reveal-reason").fill("grievance 2026-31");
      page.locator("#reveal-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#record-question"))
          .hasText("What is the Filey depot retention bonus for forklift drivers?");
      PlaywrightAssertions.assertThat(page.locator("#revealed-note")).isVisible();
      PlaywrightAssertions.assertThat(page.locator("#record-answer")).containsText("1,800");
      Screenshots.atDesktopAndPhoneWidth(page, "audit-record");
      String documentId = page.locator("#retrieved tbody tr").first().locator("a").first()
          .getAttribute("href").replaceAll(".*[?&]doc=([^&#]+).*", "$1");

      page.locator("#back-to-list").click();
      page.locator("#filters button[type=reset]").click();
      page.locator("#f-user").fill("erin");
      page.locator("#f-action").selectOption("admin");
      page.locator("#filters button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#results tbody tr").first())
          .containsText("audit.reveal");
      PlaywrightAssertions.assertThat(page.locator("#results tbody tr").first())
          .containsText("grievance 2026-31");

      Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
      String text = Files.readString(csv.path());
      assertThat(text).startsWith("id,created_at,action,user");
      Download zip = page.waitForDownload(() -> page.locator("#export-zip").click());
      assertThat(zip.suggestedFilename()).endsWith(".zip");
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip.path()))) {
        assertThat(in.getNextEntry()).isNotNull();
      }
      PlaywrightAssertions.assertThat(page.locator("#export-status")).containsText("recorded");

      page.locator("#review-document").fill(documentId);
      page.locator("#review-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#review-summary"))
          .containsText(" drew on " + documentId);
      PlaywrightAssertions.assertThat(page.locator("#review tbody")).containsText("alice");
      Screenshots.atDesktopAndPhoneWidth(page, "audit-access-review");
      page.locator("#review-document").fill("no-such-document");
      page.locator("#review-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#review-summary"))
          .hasText("No answer retrieved or cited no-such-document.");
      PlaywrightAssertions.assertThat(page.locator("#review")).isHidden();

      page.setViewportSize(390, 844);
      assertThat(overflow(page)).as("audit page wider than the phone").isLessThanOrEqualTo(0);
      page.navigate(auditPage.toString().replace("audit.html", "admin.html"));
      PlaywrightAssertions.assertThat(page.locator("#retention-settings"))
          .containsText("400 days");
      PlaywrightAssertions.assertThat(page.locator("#runs tbody tr").first()).isVisible();
      assertThat(overflow(page)).as("admin page wider than the phone").isLessThanOrEqualTo(0);
      assertThat(((Number) page.evaluate("() => { const t = document.getElementById('runs');"
          + " return t.scrollWidth - t.parentElement.clientWidth; }")).intValue())
          .as("ingestion runs table wider than its panel").isLessThanOrEqualTo(0);
      Screenshots.atDesktopAndPhoneWidth(page, "admin");
    }
  }
}
