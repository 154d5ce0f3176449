package io.arfollowup.adapters.config;

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
        Map<RecipientRule, List<String>> roles = new EnumMap<>(RecipientRule.class);
        Yaml.map(Yaml.resource("config/colleagues.yaml").get("roles")).forEach((role, addresses) -> {
            List<String> list = new ArrayList<>();
            Yaml.list(addresses).forEach(a -> list.add(a.toString()));
            roles.put(RecipientRule.valueOf(role), List.copyOf(list));
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
