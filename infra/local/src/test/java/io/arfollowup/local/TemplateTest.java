package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.arfollowup.adapters.dynamodb.SingleTable;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** template.yaml is valid SAM, and declares the table the code creates locally, and the handlers that exist. */
class TemplateTest {

    private static final Path ROOT = Path.of(System.getProperty("arfollowup.root.dir", "../..")).toAbsolutePath();
    private static final Path SHARED = Path.of(System.getProperty("arfollowup.shared.dir", ROOT.resolve("../shared")
            .toString()));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template() throws Exception {
        try (InputStream in = Files.newInputStream(ROOT.resolve("template.yaml"))) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void templateValidatesAgainstTheSamSchema() throws Exception {
        String json = new Gson().toJson(template());
        Schema schema;
        try (InputStream in = Files.newInputStream(SHARED.resolve("schemas/sam.schema.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).as("SAM schema errors").isEmpty();
    }

    @Test
    void tableMatchesTheSingleDefinitionTheCodeCreates() throws Exception {
        Map<String, Object> props = map(map(map(template().get("Resources")).get("Table")).get("Properties"));
        CreateTableRequest code = SingleTable.definition("any");

        Set<String> declared = ((List<Map<String, Object>>) (List<?>) props.get("AttributeDefinitions")).stream()
                .map(a -> a.get("AttributeName") + ":" + a.get("AttributeType")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = code.attributeDefinitions().stream()
                .map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected);

        assertThat(keys((List<?>) props.get("KeySchema"))).isEqualTo(code.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        List<Map<String, Object>> gsis = (List<Map<String, Object>>) (List<?>) props.get("GlobalSecondaryIndexes");
        assertThat(gsis).hasSize(code.globalSecondaryIndexes().size());
        for (var gsi : code.globalSecondaryIndexes()) {
            Map<String, Object> t = gsis.stream().filter(g -> gsi.indexName().equals(g.get("IndexName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("template lacks index " + gsi.indexName()));
            assertThat(keys((List<?>) t.get("KeySchema"))).isEqualTo(gsi.keySchema().stream()
                    .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
            assertThat(map(t.get("Projection")).get("ProjectionType")).isEqualTo(gsi.projection().projectionTypeAsString());
        }
        assertThat(props.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void everyFunctionPointsAtItsShadedJarAndAnExistingHandler() throws Exception {
        Map<String, Object> resources = map(template().get("Resources"));
        int functions = 0;
        for (var e : resources.entrySet()) {
            Map<String, Object> r = map(e.getValue());
            if (!"AWS::Serverless::Function".equals(r.get("Type"))) {
                continue;
            }
            functions++;
            Map<String, Object> p = map(r.get("Properties"));
            String codeUri = (String) p.get("CodeUri");
            assertThat(codeUri).as(e.getKey()).matches("functions/([a-z-]+)/target/lambda/\\1\\.jar");
            assertThat(ROOT.resolve(codeUri.substring(0, codeUri.indexOf("/target/")) + "/pom.xml")).exists();
            String handler = (String) p.get("Handler");
            String className = handler.substring(0, handler.indexOf("::"));
            assertThat(Class.forName(className)).as(handler).isNotNull();
            assertThat(Class.forName(className).getMethod("handleRequest", InputStream.class,
                    java.io.OutputStream.class, com.amazonaws.services.lambda.runtime.Context.class)).isNotNull();
        }
        assertThat(functions).isGreaterThanOrEqualTo(4);
    }

    private static List<String> keys(List<?> schema) {
        return schema.stream().map(o -> map(o).get("AttributeName") + ":" + map(o).get("KeyType")).toList();
    }
}
