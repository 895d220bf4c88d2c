package io.groundwork.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.groundwork.testing.Chromium;
import io.groundwork.testing.RequiresBrowser;
import io.groundwork.testing.Screenshots;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Conversations on the Ask page in a real browser: a follow-up continues the conversation, the
 * earlier turn shows above it, the conversation is listed in the person's history, reopens from
 * there and can be deleted.
 */
@QuarkusTest
@RequiresBrowser
@Tag("slow")
class ConversationPageBrowserTest {
  @TestHTTPResource("/")
  URL home;

  @Test
  void aFollowUpContinuesTheConversationWhichReopensFromTheHistory() {
    given().auth().preemptive().basic("erin", "erin-pass")
        .multiPart("file", "wrenfield-bakery.md", ("# Wrenfield bakery\n\nThe Wrenfield bakery"
            + " opens at six in the morning.\n\n## Ordering\n\nCakes from the Wrenfield bakery must"
            + " be ordered three days ahead.\n").getBytes(StandardCharsets.UTF_8))
        .multiPart("groups", "everyone").when().post("/api/ingest/uploads").then()
        .statusCode(200).body("failed.size()", equalTo(0));
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setHttpCredentials("carol", "carol-pass"))) {
      Page page = context.newPage();
      page.navigate(home.toString());
      page.locator("#question").fill("When does the Wrenfield bakery open?");
      page.locator("#ask-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("six in the morning");

      page.locator("#question").fill("How far ahead do I order cakes from it?");
      page.locator("#ask-form button[type=submit]").click();
      PlaywrightAssertions.assertThat(page.locator("#answer")).containsText("three days ahead");
      Screenshots.save(page, "conversation-follow-up");
      PlaywrightAssertions.assertThat(page.locator("#thread-turns li")).hasCount(1);
      PlaywrightAssertions.assertThat(page.locator("#thread-turns li").first())
          .containsText("When does the Wrenfield bakery open?");
      PlaywrightAssertions.assertThat(page.locator("#history-list"))
          .containsText("When does the Wrenfield bakery open?");
      Screenshots.save(page, "conversation-desktop");

      // A fresh page: the conversation reopens from the history with both turns.
      page.setViewportSize(390, 844);
      page.navigate(home.toString());
      page.locator("#history-list a", new Page.LocatorOptions()
          .setHasText("When does the Wrenfield bakery open?")).first().click();
      PlaywrightAssertions.assertThat(page.locator("#thread-turns li")).hasCount(2);
      PlaywrightAssertions.assertThat(page.locator("#thread-turns")).containsText("three days ahead");
      Screenshots.save(page, "conversation-phone");

      page.locator("#history-list li", new Page.LocatorOptions()
          .setHasText("When does the Wrenfield bakery open?")).first()
          .locator("button").click();
      PlaywrightAssertions.assertThat(page.locator("#history-list"))
          .not().containsText("When does the Wrenfield bakery open?");
      PlaywrightAssertions.assertThat(page.locator("#thread")).isHidden();
    }
  }
}
