package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.ActionChannel;
import io.arfollowup.core.domain.Labels;
import io.arfollowup.core.domain.ScenarioStep;
import io.arfollowup.core.port.ScenarioStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The dunning scenario's steps ({@code CONFIG / SCENARIO}): until an admin saves steps (/ar-scenario), the steps of
 * infra/config/scenario.yaml shipped in the jar apply.
 */
public final class DynamoDbScenarioStore implements ScenarioStore {

    private static final Map<String, AttributeValue> KEY = Map.of(PK, Attrs.s("CONFIG"), SK, Attrs.s("SCENARIO"));

    private final DynamoDbClient dynamo;
    private final String table;
    private final Supplier<List<ScenarioStep>> seed;
    private final Clock clock;

    public DynamoDbScenarioStore(DynamoDbClient dynamo, String table, Supplier<List<ScenarioStep>> seed, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.seed = seed;
        this.clock = clock;
    }

    @Override
    public List<ScenarioStep> steps() {
        var out = dynamo.getItem(b -> b.tableName(table).key(KEY));
        List<ScenarioStep> steps = out.hasItem() && !out.item().isEmpty()
                ? Attrs.maps(out.item(), "steps").stream().map(DynamoDbScenarioStore::step).toList()
                : seed.get();
        return steps.stream().sorted(Comparator.comparingInt(ScenarioStep::offsetDays)).toList();
    }

    @Override
    public void save(List<ScenarioStep> steps, String actor) {
        dynamo.putItem(b -> b.tableName(table).item(Attrs.item().s(PK, "CONFIG").s(SK, "SCENARIO")
                .list("steps", steps.stream().map(s -> AttributeValue.fromM(Attrs.item().s("id", s.id())
                        .n("offsetDays", s.offsetDays()).s("templateId", s.templateId())
                        .s("channel", s.channel().name())
                        .s("fr", s.name() == null ? null : s.name().fr()).s("en", s.name() == null ? null : s.name().en())
                        .build())).toList())
                .s("updatedBy", actor).instant("updatedAt", clock.instant()).build()));
    }

    private static ScenarioStep step(Map<String, AttributeValue> m) {
        return new ScenarioStep(Attrs.str(m, "id"), Attrs.integer(m, "offsetDays"), Attrs.str(m, "templateId"),
                Attrs.enumValue(m, "channel", ActionChannel.class), new Labels(Attrs.str(m, "fr"), Attrs.str(m, "en")));
    }
}
