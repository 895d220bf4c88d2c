package io.groundwork.testing;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Saves what a browser test saw as {@code target/screenshots/NAME.png}, so that a person can look
 * at the pages a run produced (CI keeps the folder with the build).
 */
public final class Screenshots {
  private Screenshots() {}

  public static void save(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(Path.of("target", "screenshots", name + ".png")));
  }
}
