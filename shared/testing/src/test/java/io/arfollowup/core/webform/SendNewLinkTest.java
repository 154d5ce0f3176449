package io.arfollowup.core.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendNewLinkTest {

    private final WebFormFixture f = new WebFormFixture();

    @Test
    void anExpiredLink_getsANewOne_mailedToTheKnownContactOnly_threeTimesADay() {
        String token = f.links.token("C1");
        f.now.set(WebFormFixture.NOW.plus(CustomerLinks.VALIDITY).plus(Duration.ofHours(1)));
        var expired = (ShowStatement.LinkExpired) f.show().open(token);

        for (int i = 0; i < 3; i++) {
            String csrf = ((ShowStatement.LinkExpired) f.show().open(token)).csrf(); // the page opened again
            assertThat(f.sendNewLink().handle(token, csrf, null))
                    .isEqualTo(new SendNewLink.Sent("c•••@fournil.example", "fr"));
        }
        String fourth = ((ShowStatement.LinkExpired) f.show().open(token)).csrf();
        assertThat(f.sendNewLink().handle(token, fourth, null)).isInstanceOf(SendNewLink.RateLimited.class);
        assertThat(f.mailer.sent()).hasSize(3).allSatisfy(m -> {
            assertThat(m.to()).containsExactly("compta@fournil.example");
            assertThat(m.textBody()).contains("https://pay.example.com/r/");
        });
        String newToken = f.mailer.sent().get(0).textBody().replaceAll("(?s).*/r/(\\S+).*", "$1");
        assertThat(f.show().open(newToken)).isInstanceOf(ShowStatement.Shown.class);
        assertThat(f.limiter.count("C1", f.planner.today(f.customer.zone()))).isEqualTo(3);
    }

    @Test
    void aTamperedLink_orAForgedForm_sendsNothing_andCountsNothing() {
        String token = f.links.token("C1");
        var shown = (ShowStatement.Shown) f.show().open(token);
        assertThat(f.sendNewLink().handle(token.substring(1), shown.csrf(), null))
                .isInstanceOf(SendNewLink.LinkRefused.class);
        assertThat(f.sendNewLink().handle(token, "forged", null)).isInstanceOf(SendNewLink.FormExpired.class);
        assertThat(f.mailer.sent()).isEmpty();
        assertThat(f.limiter.count("C1", WebFormFixture.TODAY)).isZero();
    }

    @Test
    void followUpMails_carryTheCustomersSignedLink() {
        String link = f.outbound.webLink("C1");
        assertThat(link).startsWith("https://pay.example.com/r/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(f.access.check(token)).isInstanceOf(CustomerAccess.Granted.class);
        assertThat(new io.arfollowup.core.usecase.OutboundSettings("a@b.example", null, "X", "https://x.example")
                .webLink("C1")).isEqualTo("https://x.example");
    }

    @Test
    void theSameFormSubmittedTwice_aDoubleClick_sendsOneLink_andCountsOnce() {
        String token = f.links.token("C1");
        f.now.set(WebFormFixture.NOW.plus(CustomerLinks.VALIDITY).plus(Duration.ofHours(1)));
        var expired = (ShowStatement.LinkExpired) f.show().open(token);

        assertThat(f.sendNewLink().handle(token, expired.csrf(), null)).isInstanceOf(SendNewLink.Sent.class);
        assertThat(f.sendNewLink().handle(token, expired.csrf(), null))
                .isEqualTo(new SendNewLink.Sent("c•••@fournil.example", "fr"));

        assertThat(f.mailer.sent()).hasSize(1);
        assertThat(f.limiter.count("C1", f.planner.today(f.customers.get("C1").orElseThrow().zone()))).isEqualTo(1);
    }

    @Test
    void anExpiredLinkOfACustomerNoLongerKnown_offersNoLinkToSend_insteadOfCallingTheLinkInvalid() {
        String token = f.links.token("C-GONE");
        f.now.set(WebFormFixture.NOW.plus(CustomerLinks.VALIDITY).plus(Duration.ofHours(1)));
        var expired = (ShowStatement.LinkExpired) f.show().open(token);

        assertThat(f.sendNewLink().handle(token, expired.csrf(), null)).isInstanceOf(SendNewLink.NoContact.class);
        assertThat(f.mailer.sent()).isEmpty();
    }
}
