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

  /**
   * Saves the page at desktop (1280 px) and phone (390 px) width as {@code NAME-1280.png} and
   * {@code NAME-390.png}, then leaves the page at desktop width.
   */
  public static void atDesktopAndPhoneWidth(Page page, String name) {
    for (int width : new int[] {1280, 390}) {
      page.setViewportSize(width, width == 390 ? 844 : 900);
      save(page, name + "-" + width);
    }
    page.setViewportSize(1280, 900);
  }
}
