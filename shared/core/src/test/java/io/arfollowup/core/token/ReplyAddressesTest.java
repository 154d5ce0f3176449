package io.arfollowup.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyAddressesTest {

    private final ReplyAddresses addresses = ReplyAddresses.fromConfig("reply.example.com, inbound.atelier-lumen.example", "reply");

    @Test
    void token_isTheSubAddressAtAnInboundDomain_whateverTheLocalPart_reportedAsItAppears() {
        assertThat(addresses.tokenOf("relances+Pq7Vn2KxR4tz@reply.example.com")).contains("Pq7Vn2KxR4tz");
        assertThat(addresses.tokenOf("Relances+Pq7Vn2KxR4tz@Reply.Example.COM")).contains("Pq7Vn2KxR4tz");
        assertThat(addresses.tokenOf("<reply+ovIgnludX0VprhynvwpNng@inbound.atelier-lumen.example>"))
                .contains("ovIgnludX0VprhynvwpNng");
    }

    @Test
    void plusAddressesOfOtherDomains_andAddressesWithoutToken_neverCount() {
        assertThat(addresses.tokenOf("marc.dubreuil+compta@atelier-dubreuil.example.net")).isEmpty();
        assertThat(addresses.tokenOf("relances@reply.example.com")).isEmpty();
        assertThat(addresses.tokenOf("reply+@reply.example.com")).isEmpty();
        assertThat(addresses.tokenOf("not an address")).isEmpty();
    }

    /** Case E16 (address side): the first token in the order given wins — envelope first, then headers. */
    @Test
    void firstToken_followsTheOrderGiven() {
        assertThat(addresses.firstToken(List.of("recouvrement@example.com", "Relances+Pq7Vn2KxR4tz@Reply.Example.COM",
                "relances+other@reply.example.com"))).contains("Pq7Vn2KxR4tz");
    }

    @Test
    void mintedTokens_roundTripThroughTheirAddress() {
        String token = addresses.newToken();
        assertThat(token).matches("^[a-z2-7]{20}$");
        assertThat(addresses.tokenOf(addresses.address(token).toUpperCase())).contains(token.toUpperCase());
    }
}
