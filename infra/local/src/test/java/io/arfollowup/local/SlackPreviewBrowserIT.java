package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.arfollowup.core.domain.CardRef;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.Response;
import io.arfollowup.core.domain.ResponseChannel;
import io.arfollowup.core.domain.ResponseState;
import io.arfollowup.core.port.CardView;
import io.arfollowup.testing.data.TestData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The local Slack preview in a real browser (Debian's chromium, as {@link WebFormBrowserIT}): a collector opens the
 * channel, clicks <em>Qualify…</em> on a reply's card, fills the modal rendered from its Block Kit, submits, and
 * sees the card rewritten as qualified. Every click is a real signed interaction to the Slack function's handler;
 * the worker qualifies on dynalite. Screenshots go to target/screenshots/.
 */
class SlackPreviewBrowserIT {

    @Test
    void aCollectorQualifiesACard_byClickingThroughThePreview() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(WebFormBrowserIT.CHROMIUM)
                        && Files.isExecutable(WebFormBrowserIT.DRIVER),
                "SKIPPED: the browser test needs Debian's chromium and chromium-driver; `make test` installs them");
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        try (LocalEnvironment env = new LocalEnvironment(null, Clock.systemUTC());
             LocalRuntime runtime = new LocalRuntime(env, 0)) {
            var c = env.components();
            Customer customer = TestData.aCustomer().id("c-browser").named("Verrerie Lambert").collector("U0COLLECT1")
                    .build();
            c.customers().put(customer);
            c.items().put(TestData.anInvoice(customer.id(), "FA-BRW-1").build());
            Response r = new Response("em-browser", ResponseChannel.EMAIL, customer.id(), "a@b.example", null,
                    Instant.now(), "Re", "Le virement de la FA-BRW-1 est parti ce matin.", "fr", null, null, null,
                    List.of("FA-BRW-1"), null, null, null, null, ResponseState.NEW, null, null);
            c.responses().create(r);
            CardRef card = c.chat().postResponseCard(new CardView(r, customer, c.items().openItems(customer.id()),
                    null));
            c.responses().recordCard(r.id(), card);

            WebDriver d = browser();
            try {
                d.get(runtime.previewUrl().resolve("/preview?user=U0COLLECT1").toString());
                assertThat(d.findElement(By.tagName("body")).getText())
                        .contains("Verrerie Lambert", "Le virement de la FA-BRW-1 est parti ce matin.");

                d.findElement(By.cssSelector("button[data-action=qualify_open]")).click();
                WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
                WebElement modal = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("modal")));
                assertThat(modal.getText()).contains("Qualify the reply");

                new Select(modal.findElement(By.name("status_0"))).selectByValue("PAYMENT_IN_PROGRESS");
                WebElement items = modal.findElement(By.name("items_0"));
                if (items.getTagName().equals("select")) {
                    Select s = new Select(items);
                    if (s.getAllSelectedOptions().stream().noneMatch(o -> "FA-BRW-1".equals(o.getAttribute("value")))) {
                        s.selectByValue("FA-BRW-1");
                    }
                } else if (!items.isSelected()) {
                    items.click();
                }
                modal.findElement(By.name("comment_0")).sendKeys("Virement annoncé le jour même");
                List<WebElement> nobody = modal.findElements(By.cssSelector("input[name=notify][value=NOBODY]"));
                if (!nobody.isEmpty() && !nobody.get(0).isSelected()) {
                    nobody.get(0).click();
                }
                shot(d, shots.resolve("slack-preview-modal.png"));
                d.findElement(By.id("submit")).click();

                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                        "Qualified by @U0COLLECT1"));
                assertThat(d.findElements(By.id("modal"))).isEmpty();
                assertThat(d.findElements(By.cssSelector("button[data-action=change_owner]"))).isNotEmpty();
                shot(d, shots.resolve("slack-preview-qualified.png"));
            } finally {
                d.quit();
            }
            assertThat(c.qualifications().latest(r.id())).hasValueSatisfying(q -> assertThat(q.decidedBy())
                    .isEqualTo("U0COLLECT1"));
            var item = c.items().get(customer.id(), "FA-BRW-1").orElseThrow();
            assertThat(item.status()).isEqualTo("PAYMENT_IN_PROGRESS");
            assertThat(item.comment()).isEqualTo("Virement annoncé le jour même");
        }
    }

    private static WebDriver browser() throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(WebFormBrowserIT.CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-GB", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(WebFormBrowserIT.DRIVER.toFile()).usingAnyFreePort().build();
        WebDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return d;
    }

    private static void shot(WebDriver d, Path to) throws Exception {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    }
}
