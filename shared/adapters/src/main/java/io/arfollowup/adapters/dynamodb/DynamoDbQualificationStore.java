package io.arfollowup.adapters.dynamodb;

import static io.arfollowup.adapters.dynamodb.SingleTable.PK;
import static io.arfollowup.adapters.dynamodb.SingleTable.SK;

import io.arfollowup.core.domain.FollowUpMode;
import io.arfollowup.core.domain.FollowUpOverride;
import io.arfollowup.core.domain.Notify;
import io.arfollowup.core.domain.Qualification;
import io.arfollowup.core.domain.QualificationGroup;
import io.arfollowup.core.domain.SuggestionOutcome;
import io.arfollowup.core.port.QualificationStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** One item per qualification version under its response ({@code R#id / QUAL#000001}); latest = reverse Query. */
public final class DynamoDbQualificationStore implements QualificationStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbQualificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Qualification q) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(q)).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<Qualification> latest(String responseId) {
        var out = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :q)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s("R#" + responseId), ":q", Attrs.s("QUAL#")))
                .scanIndexForward(false).limit(1).consistentRead(true));
        return out.items().isEmpty() ? Optional.empty() : Optional.of(fromItem(out.items().get(0)));
    }

    /** Decisions by month on GSI1 ({@code DECIDED#yyyy-MM / decidedAt#response#version}): App Home's figures. */
    static String decidedPartition(java.time.Instant at) {
        return "DECIDED#" + at.toString().substring(0, 7);
    }

    static Map<String, AttributeValue> toItem(Qualification q) {
        return Attrs.item()
                .s(PK, "R#" + q.responseId()).s(SK, String.format("QUAL#%06d", q.version()))
                .s(SingleTable.GSI1_PK, decidedPartition(q.decidedAt()))
                .s(SingleTable.GSI1_SK, IndexKeys.instant(q.decidedAt()) + "#" + q.responseId() + "#" + q.version())
                .s("responseId", q.responseId()).n("version", q.version()).s("submissionId", q.submissionId())
                .list("groups", q.groups().stream().map(g -> AttributeValue.fromM(Attrs.item()
                        .strings("items", g.itemNumbers()).s("status", g.statusCode()).s("comment", g.comment())
                        .s("owner", g.owner()).date("promisedDate", g.promisedDate())
                        .n("promisedAmount", g.promisedAmount())
                        .s("fuTemplate", g.followUp().templateId()).date("fuDate", g.followUp().date())
                        .s("fuMode", g.followUp().mode() == null ? null : g.followUp().mode().name())
                        .bool("fuCancelled", g.followUp().cancelled())
                        .build())).toList())
                .s("notify", q.notification().target().name()).s("notifyEmail", q.notification().colleagueEmail())
                .s("decidedBy", q.decidedBy()).instant("decidedAt", q.decidedAt()).s("outcome", q.outcome().name())
                .build();
    }

    static Qualification fromItem(Map<String, AttributeValue> i) {
        List<QualificationGroup> groups = Attrs.maps(i, "groups").stream().map(g -> new QualificationGroup(
                Attrs.strings(g, "items"), Attrs.str(g, "status"), Attrs.str(g, "comment"), Attrs.str(g, "owner"),
                Attrs.date(g, "promisedDate"), Attrs.decimal(g, "promisedAmount"),
                new FollowUpOverride(Attrs.str(g, "fuTemplate"), Attrs.date(g, "fuDate"),
                        Attrs.enumValue(g, "fuMode", FollowUpMode.class), Attrs.bool(g, "fuCancelled")))).toList();
        return new Qualification(Attrs.str(i, "responseId"), Attrs.integer(i, "version"),
                Attrs.str(i, "submissionId"), groups,
                new Notify(Attrs.enumValue(i, "notify", Notify.Target.class), Attrs.str(i, "notifyEmail")),
                Attrs.str(i, "decidedBy"), Attrs.instant(i, "decidedAt"),
                Attrs.enumValue(i, "outcome", SuggestionOutcome.class));
    }
}
