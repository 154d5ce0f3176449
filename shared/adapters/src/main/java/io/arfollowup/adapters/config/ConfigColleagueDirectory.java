package io.arfollowup.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.arfollowup.core.domain.Customer;
import io.arfollowup.core.domain.RecipientRule;
import io.arfollowup.core.port.ColleagueDirectory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The colleague directory from infra/config/colleagues.yaml; a customer's sales rep overrides SALES_REP. */
public final class ConfigColleagueDirectory implements ColleagueDirectory {

    private final Map<RecipientRule, List<String>> roles;

    public ConfigColleagueDirectory(Map<RecipientRule, List<String>> roles) {
        this.roles = Map.copyOf(roles);
    }

    public static ConfigColleagueDirectory bundled() {
        JsonNode root = YamlRuleCatalog.resource("config/colleagues.yaml");
        Map<RecipientRule, List<String>> roles = new EnumMap<>(RecipientRule.class);
        root.path("roles").fields().forEachRemaining(e -> {
            List<String> addresses = new ArrayList<>();
            e.getValue().forEach(a -> addresses.add(a.asText()));
            roles.put(RecipientRule.valueOf(e.getKey()), List.copyOf(addresses));
        });
        return new ConfigColleagueDirectory(roles);
    }

    @Override
    public List<String> addresses(RecipientRule role, Customer customer) {
        if (role == RecipientRule.SALES_REP && customer != null && customer.salesRep() != null
                && !customer.salesRep().isBlank()) {
            return List.of(customer.salesRep());
        }
        return roles.getOrDefault(role, List.of());
    }
}
