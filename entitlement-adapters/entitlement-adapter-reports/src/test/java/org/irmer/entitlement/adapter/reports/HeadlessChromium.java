package org.irmer.entitlement.adapter.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A page opened in Debian's headless Chromium through Selenium, for the tests that must see what a
 * reader sees: that the page loads without console errors, that a chart is drawn with a size, that
 * text is visible. Selenium is pointed at {@code /usr/bin/chromedriver} so it never downloads a
 * driver.
 *
 * <p>Without Chromium the tests that use this are skipped, so that {@code ./mvnw verify} runs on a
 * machine with only a JDK; with {@code ENTITLEMENT_REQUIRE_BROWSER} set in the environment, as
 * {@code .ci/run} sets it after installing {@code chromium} and {@code chromium-driver}, a missing
 * browser fails them instead.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium, or skips the calling test when it is missing and not required. */
  static HeadlessChromium start() {
    boolean present = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
    if (!present && System.getenv("ENTITLEMENT_REQUIRE_BROWSER") != null) {
      throw new IllegalStateException(
          "ENTITLEMENT_REQUIRE_BROWSER is set but " + DRIVER + " or " + BROWSER + " is missing:"
              + " apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(present,
        "Chromium is not installed (apt-get install -y chromium chromium-driver); browser test skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--window-size=1280,1600");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new HeadlessChromium(driver);
  }

  /** Opens a file and waits until the document has loaded. */
  HeadlessChromium open(Path page) {
    driver.get(page.toAbsolutePath().toUri().toString());
    return this;
  }

  /** The console messages at SEVERE level (errors, failed loads) since the page was opened. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** The text of the page a reader sees (hidden elements excluded). */
  String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  List<WebElement> find(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector));
  }

  /** Asserts that the element is displayed with a width and a height above zero. */
  static void assertDrawn(WebElement element, String what) {
    Dimension size = element.getSize();
    assertThat(element.isDisplayed()).as("%s is displayed", what).isTrue();
    assertThat(size.getWidth()).as("width of %s", what).isPositive();
    assertThat(size.getHeight()).as("height of %s", what).isPositive();
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}; returns its path. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
