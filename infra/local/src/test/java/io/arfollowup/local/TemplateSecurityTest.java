package io.arfollowup.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * template.yaml is safe to deploy (issue 9): least-privilege IAM (no wildcard action, every resource the stack's own,
 * {@code iam:PassRole} only for the scheduler role), every caller of a function names its SnapStart alias, secrets
 * never in the functions' configuration, a log group with retention per function, dead letters with alarms.
 * The checks read every policy statement of the template, including the ones under {@code Fn::If}; SAM policy
 * templates are refused because this test cannot see what they grant.
 */
class TemplateSecurityTest {

    private static final Path ROOT = Path.of(System.getProperty("arfollowup.root.dir", "../..")).toAbsolutePath();

    @SuppressWarnings("unchecked")
    static Map<String, Object> template() throws Exception {
        try (InputStream in = Files.newInputStream(ROOT.resolve("template.yaml"))) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    static Map<String, Object> resources(Map<String, Object> t) {
        return map(t.get("Resources"));
    }

    static Map<String, Map<String, Object>> ofType(Map<String, Object> t, String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        resources(t).forEach((name, r) -> {
            if (type.equals(map(r).get("Type"))) {
                out.put(name, map(map(r).get("Properties")));
            }
        });
        return out;
    }

    /** One IAM statement and where it was found. */
    record Statement(String where, Map<String, Object> body) {
        boolean allows() {
            return "Allow".equals(body.get("Effect"));
        }

        List<String> actions() {
            return list(body.get("Action")).stream().map(String::valueOf).toList();
        }

        List<Object> resources() {
            return new ArrayList<>(list(body.get("Resource")));
        }
    }

    /** Statements of a list that may hold Fn::If (both branches; AWS::NoValue dropped). */
    static void statements(String where, Object statementList, List<Statement> out) {
        for (Object s : list(statementList)) {
            Map<String, Object> m = map(s);
            if (m.containsKey("Fn::If")) {
                List<?> branches = list(m.get("Fn::If"));
                for (Object branch : branches.subList(1, branches.size())) {
                    if (!"AWS::NoValue".equals(map(branch).get("Ref"))) {
                        statements(where, List.of(branch), out);
                    }
                }
            } else {
                out.add(new Statement(where, m));
            }
        }
    }

    /** Every permission statement of the template (functions' policies, roles, managed policies, resource policies). */
    static List<Statement> allStatements(Map<String, Object> t, List<String> problems) {
        List<Statement> out = new ArrayList<>();
        resources(t).forEach((name, r) -> {
            Map<String, Object> res = map(r);
            Map<String, Object> p = map(res.get("Properties"));
            switch (String.valueOf(res.get("Type"))) {
                case "AWS::Serverless::Function" -> {
                    for (Object policy : list(p.get("Policies"))) {
                        Map<String, Object> pm = map(policy);
                        if (pm.containsKey("Statement")) {
                            statements(name, pm.get("Statement"), out);
                        } else {
                            problems.add(name + ": policy " + (policy instanceof String ? policy : pm.keySet())
                                    + " is a managed policy or SAM policy template; write explicit statements");
                        }
                    }
                    if (p.containsKey("Role")) {
                        problems.add(name + ": a Role of its own is not checked here; use Policies");
                    }
                }
                case "AWS::IAM::Role" -> {
                    for (Object policy : list(p.get("Policies"))) {
                        statements(name, map(map(policy).get("PolicyDocument")).get("Statement"), out);
                    }
                    if (p.containsKey("ManagedPolicyArns")) {
                        problems.add(name + ": managed policies are not checked here");
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy",
                     "AWS::SQS::QueuePolicy" -> statements(name, map(p.get("PolicyDocument")).get("Statement"), out);
                default -> {
                }
            }
        });
        return out;
    }

    /** Resources that name no stack resource nor parameter, by design (sms-voice: the identity ids are not ours). */
    static final Set<String> ACCOUNT_WIDE_BY_DESIGN = Set.of("sms-voice:SendTextMessage");

    /** What is wrong with the template's permissions; empty when it is least privilege. */
    static List<String> violations(Map<String, Object> t) {
        List<String> problems = new ArrayList<>();
        Set<String> names = resources(t).keySet();
        Set<String> parameters = map(t.get("Parameters")).keySet();
        for (Statement s : allStatements(t, problems)) {
            for (String action : s.actions()) {
                if (action.contains("*")) {
                    problems.add(s.where() + ": wildcard action " + action);
                }
            }
            if (!s.allows() || s.body().containsKey("Principal")) {
                continue; // resource policies: their Resource is the policy's own resource
            }
            for (Object resource : s.resources()) {
                String why = unscoped(resource, names, parameters);
                if (why != null && !ACCOUNT_WIDE_BY_DESIGN.containsAll(s.actions())) {
                    problems.add(s.where() + ": " + s.actions() + " on " + resource + ": " + why);
                }
            }
            if (s.actions().contains("iam:PassRole")) {
                for (Object resource : s.resources()) {
                    if (!List.of("SchedulerRole", "Arn").equals(map(resource).get("Fn::GetAtt"))) {
                        problems.add(s.where() + ": iam:PassRole on " + resource + " (only the scheduler role)");
                    }
                }
            }
            if (s.actions().contains("lambda:InvokeFunction")) {
                for (Object resource : s.resources()) {
                    if (!String.valueOf(map(resource).get("Ref")).endsWith(".Alias")) {
                        problems.add(s.where() + ": lambda:InvokeFunction on " + resource + " (invoke the alias)");
                    }
                }
            }
            if (s.actions().stream().anyMatch(a -> a.startsWith("ses:Send"))) {
                for (Object resource : s.resources()) {
                    String arn = subText(resource);
                    if (arn == null || !(arn.matches(".*:identity/\\$\\{(SenderAddress|InboundDomain|Domain)}")
                            || arn.endsWith(":configuration-set/${OutboundConfigurationSet}"))) {
                        problems.add(s.where() + ": SES sending on " + resource + " (the sender's and inbound "
                                + "identities and the configuration set only)");
                    }
                }
            }
        }
        return problems;
    }

    /** The text of a Fn::Sub (both forms), or null. */
    static String subText(Object resource) {
        Object sub = map(resource).get("Fn::Sub");
        if (sub instanceof String s) {
            return s;
        }
        List<?> l = list(sub);
        return l.isEmpty() ? null : String.valueOf(l.get(0));
    }

    /** Null when the resource is the stack's own (a reference, or an ARN built on one); else why not. */
    static String unscoped(Object resource, Set<String> names, Set<String> parameters) {
        if (resource instanceof String s) {
            return s.contains("*") ? "a literal wildcard" : "a literal ARN (name the stack's resource)";
        }
        Map<String, Object> m = map(resource);
        if (m.containsKey("Ref")) {
            String ref = String.valueOf(m.get("Ref")).replace(".Alias", "");
            return names.contains(ref) || parameters.contains(ref) ? null : "Ref to nothing of this stack";
        }
        if (m.containsKey("Fn::GetAtt")) {
            return names.contains(String.valueOf(list(m.get("Fn::GetAtt")).get(0))) ? null : "GetAtt of nothing here";
        }
        String text = subText(resource);
        if (text == null) {
            return "an intrinsic this test cannot read";
        }
        if (text.equals("*") || text.matches(".*:\\*(/.*)?$") && !text.contains("${")) {
            return "a wildcard";
        }
        // the ARN must start from a stack resource (${Bucket.Arn}/..., ${Table.Arn}/index/*) or be in this account
        // and then name a stack resource or parameter after the service's type (schedule/${ScheduleGroup}/*)
        java.util.regex.Matcher vars = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}").matcher(text);
        boolean namesOwn = false;
        boolean inAccount = text.contains("${AWS::AccountId}");
        while (vars.find()) {
            String v = vars.group(1).replaceAll("\\.(Arn|Alias)$", "");
            if (names.contains(v) || parameters.contains(v) || v.equals("AWS::StackName")
                    || v.equals("Domain") /* Fn::Sub variable: the sender's domain */) {
                namesOwn = true;
            }
        }
        if (text.startsWith("${") && namesOwn) {
            return null;
        }
        if (inAccount && namesOwn) {
            return null;
        }
        return inAccount ? "account-wide: name the stack's resource" : "not in this account";
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyPermissionIsLeastPrivilege() throws Exception {
        assertThat(violations(template())).isEmpty();
    }

    @Test
    void theCheckerCatchesWhatItMustCatch() {
        Map<String, Object> t = Map.of(
                "Parameters", Map.of("SenderAddress", Map.of()),
                "Resources", Map.of(
                        "Table", Map.of("Type", "AWS::DynamoDB::Table"),
                        "Fn", Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of("Policies", List.of(
                                Map.of("DynamoDBCrudPolicy", Map.of("TableName", Map.of("Ref", "Table"))),
                                Map.of("Statement", List.of(
                                        Map.of("Effect", "Allow", "Action", "dynamodb:*",
                                                "Resource", Map.of("Fn::GetAtt", List.of("Table", "Arn"))),
                                        Map.of("Effect", "Allow", "Action", List.of("s3:GetObject"), "Resource", "*"),
                                        Map.of("Fn::If", List.of("C", Map.of("Effect", "Allow",
                                                "Action", "iam:PassRole", "Resource",
                                                Map.of("Fn::Sub", "arn:aws:iam::${AWS::AccountId}:role/*")),
                                                Map.of("Ref", "AWS::NoValue"))),
                                        Map.of("Effect", "Allow", "Action", "ses:SendEmail", "Resource", Map.of(
                                                "Fn::Sub", "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/*")),
                                        Map.of("Effect", "Allow", "Action", "lambda:InvokeFunction",
                                                "Resource", Map.of("Fn::GetAtt", List.of("Table", "Arn"))))))))));

        List<String> v = violations(t);

        assertThat(v).anyMatch(s -> s.contains("SAM policy template"));
        assertThat(v).anyMatch(s -> s.contains("wildcard action dynamodb:*"));
        assertThat(v).anyMatch(s -> s.contains("s3:GetObject") && s.contains("literal wildcard"));
        assertThat(v).anyMatch(s -> s.contains("iam:PassRole on") && s.contains("only the scheduler role"));
        assertThat(v).anyMatch(s -> s.contains("iam:PassRole") && s.contains("account-wide"));
        assertThat(v).anyMatch(s -> s.contains("SES sending on"));
        assertThat(v).anyMatch(s -> s.contains("invoke the alias"));
    }

    @Test
    void onlyTheFunctionsThatCreateSchedulesMayPassTheSchedulerRole_andItOnlyInvokesTheRunner() throws Exception {
        Map<String, Object> t = template();
        Set<String> passers = new TreeSet<>();
        for (Statement s : allStatements(t, new ArrayList<>())) {
            if (s.actions().contains("iam:PassRole")) {
                passers.add(s.where());
                assertThat(map(map(s.body().get("Condition")).get("StringEquals")).get("iam:PassedToService"))
                        .as(s.where()).isEqualTo("scheduler.amazonaws.com");
            }
        }
        assertThat(passers).containsExactlyInAnyOrder("SlackWorkerFunction", "WebFormFunction",
                "FollowUpRunnerFunction", "ScenarioRunnerFunction");
        List<Statement> role = new ArrayList<>();
        for (Statement s : allStatements(t, new ArrayList<>())) {
            if (s.where().equals("SchedulerRolePolicy")) {
                role.add(s);
            }
        }
        assertThat(role).flatExtracting(Statement::actions).containsExactlyInAnyOrder("lambda:InvokeFunction",
                "sqs:SendMessage");
        assertThat(role.stream().filter(s -> s.actions().contains("lambda:InvokeFunction"))
                .flatMap(s -> s.resources().stream()).toList())
                .containsExactly(Map.of("Ref", "FollowUpRunnerFunction.Alias"));
    }

    @Test
    void everyCallerNamesTheSnapStartAlias() throws Exception {
        Map<String, Object> t = template();
        Map<String, Object> globals = map(map(t.get("Globals")).get("Function"));
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("Runtime")).isEqualTo("java21");

        // SAM points HTTP API, S3 and SNS events at the alias when AutoPublishAlias is on: no function may turn it off
        ofType(t, "AWS::Serverless::Function").forEach((name, p) -> {
            assertThat(p).as(name).doesNotContainKeys("AutoPublishAlias", "SnapStart");
        });
        // schedules (static ones here; the dynamic ones through RUNNER_TARGET_ARN below)
        ofType(t, "AWS::Scheduler::Schedule").forEach((name, p) -> assertThat(map(map(p.get("Target")).get("Arn"))
                .get("Ref")).as(name).asString().endsWith(".Alias"));
        // SES → inbound-email, and its permission
        ofType(t, "AWS::SES::ReceiptRule").forEach((name, p) -> {
            for (Object action : list(map(p.get("Rule")).get("Actions"))) {
                Map<String, Object> lambda = map(map(action).get("LambdaAction"));
                if (!lambda.isEmpty()) {
                    assertThat(map(lambda.get("FunctionArn")).get("Ref")).as(name).isEqualTo("InboundEmailFunction.Alias");
                    assertThat(lambda.get("InvocationType")).isEqualTo("Event");
                }
            }
        });
        ofType(t, "AWS::Lambda::Permission").forEach((name, p) ->
                assertThat(map(p.get("FunctionName")).get("Ref")).as(name).asString().endsWith(".Alias"));
        // async invokes and schedule targets handed to the code
        String runnerName = subText(ofType(t, "AWS::Serverless::Function").get("FollowUpRunnerFunction")
                .get("FunctionName"));
        assertThat(runnerName).isEqualTo("${AWS::StackName}-follow-up-runner");
        ofType(t, "AWS::Serverless::Function").forEach((name, p) -> {
            map(map(p.get("Environment")).get("Variables")).forEach((k, v) -> {
                if (k.endsWith("_FUNCTION") || k.equals("RUNNER_TARGET_ARN")) {
                    Object ref = map(v).get("Ref");
                    String sub = subText(v);
                    assertThat(ref != null ? ref.toString().endsWith(".Alias")
                            : sub != null && sub.endsWith(":function:" + runnerName + ":live"))
                            .as(name + " " + k + " = " + v).isTrue();
                }
            });
        });
    }

    @Test
    void noSecretIsInTheFunctionsConfiguration_andEachSecretIsReadableByItsReadersOnly() throws Exception {
        String text = Files.readString(ROOT.resolve("template.yaml"));
        assertThat(text).doesNotContain("{{resolve:secretsmanager");
        Map<String, Object> t = template();
        ofType(t, "AWS::Serverless::Function").forEach((name, p) -> {
            Map<String, Object> env = new LinkedHashMap<>(map(map(map(t.get("Globals")).get("Function"))
                    .get("Environment")));
            env = map(env.get("Variables"));
            Map<String, Object> vars = new LinkedHashMap<>(env);
            vars.putAll(map(map(p.get("Environment")).get("Variables")));
            assertThat(vars.keySet()).as(name).doesNotContain("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
                    "LINK_SIGNING_KEY", "PREVIOUS_LINK_SIGNING_KEY");
            Set<Object> named = new java.util.HashSet<>();
            for (String k : List.of("SLACK_SECRET_ARN", "LINK_KEY_SECRET_ARN")) {
                if (vars.containsKey(k)) {
                    named.add(vars.get(k));
                }
            }
            List<Statement> statements = new ArrayList<>();
            statements(name, list(p.get("Policies")).stream().map(x -> map(x).get("Statement"))
                    .flatMap(x -> list(x).stream()).toList(), statements);
            Set<Object> readable = new java.util.HashSet<>();
            statements.stream().filter(s -> s.actions().contains("secretsmanager:GetSecretValue"))
                    .forEach(s -> readable.addAll(s.resources()));
            assertThat(readable).as(name + " may read exactly the secrets it names").isEqualTo(named);
        });
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() throws Exception {
        Map<String, Object> t = template();
        Set<String> logged = new TreeSet<>();
        ofType(t, "AWS::Logs::LogGroup").forEach((name, p) -> {
            String n = subText(p.get("LogGroupName"));
            assertThat(n).as(name).startsWith("/aws/lambda/${");
            assertThat(p.get("RetentionInDays")).as(name).isNotNull();
            logged.add(n.substring("/aws/lambda/${".length(), n.length() - 1));
        });
        assertThat(logged).isEqualTo(new TreeSet<>(ofType(t, "AWS::Serverless::Function").keySet()));
    }

    @Test
    void asynchronousFunctionsParkTheirFailures_andEveryDeadLetterQueueHasAnAlarm() throws Exception {
        Map<String, Object> t = template();
        Set<String> sync = Set.of("SlackFunction", "WebFormFunction");
        ofType(t, "AWS::Serverless::Function").forEach((name, p) -> {
            if (!sync.contains(name)) {
                Object dest = map(map(map(map(p.get("EventInvokeConfig")).get("DestinationConfig")).get("OnFailure"))
                        .get("Destination"));
                assertThat(dest).as(name).isEqualTo(Map.of("Fn::GetAtt", List.of("AsyncFailureQueue", "Arn")));
            }
        });
        Set<String> alarmed = new TreeSet<>();
        ofType(t, "AWS::CloudWatch::Alarm").forEach((name, p) -> {
            for (Object d : list(p.get("Dimensions"))) {
                if ("QueueName".equals(map(d).get("Name"))) {
                    alarmed.add(String.valueOf(list(map(map(d).get("Value")).get("Fn::GetAtt")).get(0)));
                }
            }
            assertThat(new ArrayList<Object>(list(p.get("AlarmActions")))).as(name).contains(Map.of("Ref", "AlarmTopic"));
        });
        assertThat(alarmed).isEqualTo(new TreeSet<>(ofType(t, "AWS::SQS::Queue").keySet()));
    }

    @Test
    void storageIsEncryptedPrivateAndHousekept() throws Exception {
        Map<String, Object> t = template();
        Map<String, Object> table = ofType(t, "AWS::DynamoDB::Table").get("Table");
        assertThat(map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(map(table.get("TimeToLiveSpecification")).get("AttributeName")).isEqualTo("expiresAt");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        ofType(t, "AWS::S3::Bucket").forEach((name, p) -> {
            assertThat(map(p.get("PublicAccessBlockConfiguration")).values()).as(name).hasSize(4).containsOnly(true);
            assertThat(p).containsKey("BucketEncryption");
            assertThat(list(map(p.get("LifecycleConfiguration")).get("Rules"))).extracting(r -> map(r).get("Prefix"))
                    .contains("raw/", "web/", "internal-answers/");
        });
        ofType(t, "AWS::SQS::Queue").forEach((name, p) -> assertThat(p.get("SqsManagedSseEnabled")).isEqualTo(true));
    }

    @Test
    void theReceiptRuleWaitsForTheBucketPolicy_andEveryEmailUsesTheConfigurationSet() throws Exception {
        Map<String, Object> t = template();
        Map<String, Object> rule = map(resources(t).get("ReceiptRule"));
        assertThat(list(rule.get("DependsOn")).stream().map(String::valueOf).toList())
                .contains("MailBucketPolicy", "InboundEmailPermission");
        Map<String, Object> globalsEnv = map(map(map(map(t.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        assertThat(globalsEnv.get("SES_CONFIGURATION_SET")).isEqualTo(Map.of("Ref", "OutboundConfigurationSet"));
        Set<Object> events = new java.util.HashSet<>();
        ofType(t, "AWS::SES::ConfigurationSetEventDestination").forEach((name, p) ->
                events.addAll(list(map(p.get("EventDestination")).get("MatchingEventTypes"))));
        assertThat(events).contains("bounce", "complaint");
    }
}
