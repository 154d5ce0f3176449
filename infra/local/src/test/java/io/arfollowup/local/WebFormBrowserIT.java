package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.AnswerChoice;
import io.arfollowup.core.domain.DisputeReason;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.webform.CustomerLinks;
import io.arfollowup.testing.engines.EngineLauncher;
import io.arfollowup.testing.stubs.SlackApiStub;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer's page in a real browser (Debian's chromium + chromium-driver, installed by {@code make test}):
 * open a link served by the local runtime, fill one promise and one dispute with an upload, submit, see the
 * confirmation, then check the stored Response and the card posted to Slack. Once in French at phone width
 * (360 px, mouse), once in English at desktop width (keyboard only). Screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebFormBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private LocalEnvironment env;
    private LocalRuntime runtime;
    private final Path shots = Path.of("target/screenshots");
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "SKIPPED: the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver); `make test` installs them (apt-get install chromium chromium-driver)");
        Files.createDirectories(shots);
        env = new LocalEnvironment(null, Clock.systemUTC());
        runtime = new LocalRuntime(env, 0);
        new DemoData(EngineLauncher.repositoryRoot().resolve("events/demo"), today).load(env.components());
    }

    @AfterAll
    void stop() {
        if (runtime != null) {
            runtime.close();
            env.close();
        }
    }

    private WebDriver browser(int width, int height, String lang) throws IOException {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=" + lang, "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
        if (width < 500) {
            // a desktop window cannot be that narrow: emulate the phone's viewport instead
            o.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return d;
    }

    private void shot(WebDriver d, String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.scrollTo(0, 0)");
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        Dimension size = d.manage().window().getSize();
        d.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height + 120, 600), 4000)));
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        d.manage().window().setSize(size);
    }

    /** Types a date the way the browser's date input wants it; falls back to setting the value. */
    private static void typeDate(WebDriver d, WebElement input, LocalDate date, boolean dayFirst) {
        input.sendKeys(DateTimeFormatter.ofPattern(dayFirst ? "ddMMyyyy" : "MMddyyyy").format(date));
        if (!date.toString().equals(input.getAttribute("value"))) {
            ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", input, date.toString());
        }
    }

    private Response lastResponse(int cardsBefore) {
        List<SlackApiStub.Message> messages = env.slack().messages();
        assertThat(messages).hasSize(cardsBefore + 1);
        Matcher m = Pattern.compile("\"value\":\"(wf-[a-z2-7]+)\"").matcher(messages.get(cardsBefore).blocks()
                .toString());
        assertThat(m.find()).isTrue();
        return env.components().responses().get(m.group(1)).orElseThrow();
    }

    @Test
    void french_onAPhone_promiseAndDisputeWithAnUpload() throws Exception {
        String customer = "residences-mistral";
        String link = CustomerLinks.url(runtime.endpoint().toString(),
                env.components().customerLinks().token(customer));
        Path pdf = Files.createTempFile("bon-de-livraison-", ".pdf");
        Files.write(pdf, WebFormDemo.samplePdf());
        WebDriver d = browser(360, 800, "fr-FR");
        try {
            d.get(link);
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            Object widths = ((JavascriptExecutor) d).executeScript(
                    "return [window.innerWidth, document.documentElement.scrollWidth]");
            assertThat(widths.toString()).as("viewport and page width at 360 px: no sideways scrolling")
                    .isEqualTo("[360, 360]");
            d.findElement(By.cssSelector("label[for=c0-WILL_PAY]")).click();
            WebElement date = d.findElement(By.id("pd0"));
            assertThat(date.isDisplayed()).isTrue();
            LocalDate promised = today.plusDays(9);
            typeDate(d, date, promised, true);
            d.findElement(By.cssSelector("label[for=c1-DISPUTE]")).click();
            new Select(d.findElement(By.id("r1"))).selectByValue("DAMAGED");
            d.findElement(By.id("comment")).sendKeys("Deux appliques abîmées <b>à la livraison</b>");
            d.findElement(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
            shot(d, "web-form-fr-filled.png");
            int cards = env.slack().messages().size();
            d.findElement(By.id("send")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(d.findElement(By.id("done")).getText()).isEqualTo("Merci, votre réponse est envoyée");
            assertThat(d.findElement(By.id("answers")).getText()).contains("FA-2025-00409").contains("contestée");
            assertThat(d.findElement(By.id("comment")).getText()).contains("<b>à la livraison</b>");
            shot(d, "web-form-fr-confirmation.png");

            Response r = lastResponse(cards);
            assertThat(r.channel()).isEqualTo(ResponseChannel.WEB_FORM);
            assertThat(r.customerId()).isEqualTo(customer);
            assertThat(r.language()).isEqualTo("fr");
            assertThat(r.answers()).extracting(a -> a.itemNumber(), a -> a.choice(), a -> a.date(), a -> a.reason())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("FA-2025-00409", AnswerChoice.WILL_PAY, promised, null),
                            org.assertj.core.groups.Tuple.tuple("FA-2025-00577", AnswerChoice.DISPUTE, null,
                                    DisputeReason.DAMAGED));
            assertThat(r.attachments()).singleElement().satisfies(a -> {
                assertThat(a.contentType()).isEqualTo("application/pdf");
                assertThat(a.filename()).startsWith("bon-de-livraison-").endsWith(".pdf");
            });
            assertThat(r.suggestion().groups()).extracting(g -> g.statusCode())
                    .containsExactly("PAYMENT_PROMISE", "DELIVERY_DISPUTE");
            String card = env.slack().messages().get(cards).blocks().toString();
            assertThat(card).contains("FA-2025-00409").contains("Payment promise").contains("&lt;b&gt;");
        } finally {
            d.quit();
        }
    }

    @Test
    void english_onADesktop_keyboardOnly() throws Exception {
        String customer = "kestrel-engineering";
        String link = CustomerLinks.url(runtime.endpoint().toString(),
                env.components().customerLinks().token(customer));
        Path png = Files.createTempFile("damaged-", ".png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89});
        WebDriver d = browser(1280, 900, "en-US");
        try {
            d.get(link);
            assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(d.findElement(By.cssSelector(".total .amount")).getText()).isEqualTo("€3,905.40");
            // keyboard only: radios take Space, the details appear, Tab moves on
            d.findElement(By.id("c0-WILL_PAY")).sendKeys(Keys.SPACE);
            assertThat(d.findElement(By.id("c0-WILL_PAY")).isSelected()).isTrue();
            WebElement date = d.findElement(By.id("pd0"));
            assertThat(date.isDisplayed()).isTrue();
            LocalDate promised = today.plusDays(5);
            typeDate(d, date, promised, false);
            d.findElement(By.id("pa0")).sendKeys("1,000.00");
            d.findElement(By.id("c1-DISPUTE")).sendKeys(Keys.SPACE);
            WebElement reason = d.findElement(By.id("r1"));
            new Select(reason).selectByValue("PRICE");
            d.findElement(By.id("files")).sendKeys(png.toAbsolutePath().toString());
            shot(d, "web-form-en-filled.png");
            int cards = env.slack().messages().size();
            d.findElement(By.id("send")).sendKeys(Keys.ENTER);
            new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
            assertThat(d.findElement(By.id("done")).getText()).isEqualTo("Thank you, your answer is sent");
            shot(d, "web-form-en-confirmation.png");

            Response r = lastResponse(cards);
            assertThat(r.customerId()).isEqualTo(customer);
            assertThat(Language.parse(r.language())).isEqualTo(Language.EN);
            assertThat(r.answers()).extracting(a -> a.itemNumber(), a -> a.choice(), a -> a.date())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("FA-2025-00388", AnswerChoice.WILL_PAY, promised),
                            org.assertj.core.groups.Tuple.tuple("FA-2025-00391", AnswerChoice.DISPUTE, null));
            assertThat(r.answers().get(0).amount()).isEqualByComparingTo("1000.00");
            assertThat(r.attachments()).singleElement().satisfies(a -> assertThat(a.contentType())
                    .isEqualTo("image/png"));
            assertThat(env.slack().messages().get(cards).blocks().toString()).contains("Commercial dispute");
        } finally {
            d.quit();
        }
    }
}
