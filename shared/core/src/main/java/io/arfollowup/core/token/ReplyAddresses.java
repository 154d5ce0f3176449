package io.arfollowup.core.token;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The reply-address scheme (DESIGN §7): {@code <local>+<token>@<inbound domain>}. The token is the sub-address
 * after the first '+' of a recipient at one of the configured inbound domains, whatever the local part before it;
 * a plus-address at any other domain never counts. Tokens are reported exactly as they appear; lookups fold case.
 */
public final class ReplyAddresses {

    /** Length of the tokens we mint: 20 base32 characters = 100 bits. */
    public static final int TOKEN_LENGTH = 20;

    private final Set<String> inboundDomains;
    private final String localPart;

    public ReplyAddresses(Collection<String> inboundDomains, String localPart) {
        Set<String> domains = new LinkedHashSet<>();
        for (String d : inboundDomains) {
            if (d != null && !d.isBlank()) {
                domains.add(d.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("at least one inbound domain is needed (INBOUND_DOMAINS)");
        }
        this.inboundDomains = Set.copyOf(domains);
        this.localPart = localPart == null || localPart.isBlank() ? "reply" : localPart;
    }

    /** Parses {@code INBOUND_DOMAINS} ("a.example, b.example"). */
    public static ReplyAddresses fromConfig(String inboundDomains, String localPart) {
        return new ReplyAddresses(java.util.Arrays.asList(inboundDomains == null ? new String[0]
                : inboundDomains.split(",")), localPart);
    }

    public Set<String> inboundDomains() {
        return inboundDomains;
    }

    /** A new token from a case-insensitive alphabet (lower-case base32). */
    public String newToken() {
        return Ids.random(TOKEN_LENGTH);
    }

    /** The reply address that carries the token, at the first inbound domain. */
    public String address(String token) {
        return localPart + "+" + token + "@" + inboundDomains.iterator().next();
    }

    /** The token of an address at an inbound domain, as it appears; empty for any other address. */
    public Optional<String> tokenOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String domain = a.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!inboundDomains.contains(domain)) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        int plus = local.indexOf('+');
        if (plus < 0 || plus == local.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(local.substring(plus + 1));
    }

    /** The first token among the addresses, in the order given. */
    public Optional<String> firstToken(Iterable<String> addresses) {
        for (String a : addresses) {
            Optional<String> t = tokenOf(a);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }
}
