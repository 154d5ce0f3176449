package io.arfollowup.adapters.wiring;

import io.arfollowup.adapters.aws.AwsClients;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.config.ConfigColleagueDirectory;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.adapters.dynamodb.DynamoDbAuditLog;
import io.arfollowup.adapters.dynamodb.DynamoDbCustomerStore;
import io.arfollowup.adapters.dynamodb.DynamoDbFollowUpStore;
import io.arfollowup.adapters.dynamodb.DynamoDbItemStore;
import io.arfollowup.adapters.dynamodb.DynamoDbLearningStore;
import io.arfollowup.adapters.dynamodb.DynamoDbQualificationStore;
import io.arfollowup.adapters.dynamodb.DynamoDbReplyTokenStore;
import io.arfollowup.adapters.dynamodb.DynamoDbResponseStore;
import io.arfollowup.adapters.lambda.LambdaWorkDispatcher;
import io.arfollowup.adapters.s3.S3BlobStore;
import io.arfollowup.adapters.scheduler.EventBridgeFollowUpScheduler;
import io.arfollowup.adapters.ses.SesMailer;
import io.arfollowup.adapters.slack.ResponseCards;
import io.arfollowup.adapters.slack.SlackChatNotifier;
import io.arfollowup.adapters.slack.SlackWebApi;
import io.arfollowup.adapters.templates.MustacheTemplateRenderer;
import io.arfollowup.core.domain.Language;
import io.arfollowup.core.port.AuditLog;
import io.arfollowup.core.port.BlobStore;
import io.arfollowup.core.port.ChatNotifier;
import io.arfollowup.core.port.ColleagueDirectory;
import io.arfollowup.core.port.CustomerStore;
import io.arfollowup.core.port.FollowUpScheduler;
import io.arfollowup.core.port.FollowUpStore;
import io.arfollowup.core.port.ItemStore;
import io.arfollowup.core.port.LearningStore;
import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.MailReader;
import io.arfollowup.core.port.QualificationStore;
import io.arfollowup.core.port.ReplyTokenStore;
import io.arfollowup.core.port.ResponseStore;
import io.arfollowup.core.port.RuleCatalog;
import io.arfollowup.core.port.Suggester;
import io.arfollowup.core.port.TemplateRenderer;
import io.arfollowup.core.port.WorkDispatcher;
import io.arfollowup.core.suggest.BuiltInSuggester;
import io.arfollowup.core.time.FollowUpPlanner;
import io.arfollowup.core.token.ReplyAddresses;
import io.arfollowup.core.usecase.OutboundSettings;
import io.arfollowup.core.usecase.QualifyResponse;
import io.arfollowup.core.usecase.ReceiveEmail;
import io.arfollowup.core.usecase.RunFollowUp;
import io.arfollowup.core.usecase.ValidateOrDelete;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the adapters and use cases from one {@link AppConfig}, the same way in every function and in the local
 * runtime. Each part is built once, on first use (a function only pays for what it uses at init).
 */
public final class Components {

    private final AppConfig config;
    private final Clock clock;

    public Components(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public static Components fromEnvironment() {
        return new Components(AppConfig.fromEnvironment(), Clock.systemUTC());
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    private final Lazy<AwsClients> aws = new Lazy<>(() -> new AwsClients(config()));
    private final Lazy<DynamoDbClient> dynamo = new Lazy<>(() -> aws().dynamoDb());
    private final Lazy<RuleCatalog> rules = new Lazy<>(YamlRuleCatalog::bundled);
    private final Lazy<SlackWebApi> slack = new Lazy<>(() -> new SlackWebApi(
            config().slackApi().orElse("https://slack.com/api/"),
            config().slackBotToken() == null ? "xoxb-local" : config().slackBotToken()));
    private final Lazy<ResponseCards> cards = new Lazy<>(() -> new ResponseCards(uiLanguage(),
            config().defaultZone(), rules()));
    private final Lazy<BlobStore> blobs = new Lazy<>(() -> new S3BlobStore(aws().s3(), config().mailBucket()));
    private final Lazy<Mailer> mailer = new Lazy<>(() -> new SesMailer(aws().ses()));
    private final Lazy<FollowUpScheduler> scheduler = new Lazy<>(() -> new EventBridgeFollowUpScheduler(
            aws().scheduler(), new EventBridgeFollowUpScheduler.Settings(config().scheduleGroup(),
            config().runnerTargetArn(), config().schedulerRoleArn(), config().scheduleDlqArn(), 3, 3600)));
    // every decision of the deployment is learned into the table (count deltas + one example per response); a warm
    // instance reloads it every few minutes so the inbound function, which never learns itself, sees them too
    private final Lazy<Suggester> builtInSuggester = new Lazy<>(() -> new BuiltInSuggester(rules(), planner(),
            learningStore(), clock(), SUGGESTER_REFRESH));
    private volatile Suggester suggester;

    /** How stale a warm instance's copy of the learned counts may get before it reads them again. */
    public static final java.time.Duration SUGGESTER_REFRESH = java.time.Duration.ofMinutes(5);

    /** What the suggester learned from this deployment's decisions (DynamoDB, the single table). */
    public LearningStore learningStore() {
        return new DynamoDbLearningStore(dynamo(), config.tableName(), clock);
    }

    public AwsClients aws() {
        return aws.get();
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public Language uiLanguage() {
        return Language.parse(config.slackLanguage());
    }

    public ResponseStore responses() {
        return new DynamoDbResponseStore(dynamo(), config.tableName(), clock);
    }

    public CustomerStore customers() {
        return new DynamoDbCustomerStore(dynamo(), config.tableName());
    }

    public ItemStore items() {
        return new DynamoDbItemStore(dynamo(), config.tableName());
    }

    public QualificationStore qualifications() {
        return new DynamoDbQualificationStore(dynamo(), config.tableName());
    }

    public FollowUpStore followUps() {
        return new DynamoDbFollowUpStore(dynamo(), config.tableName());
    }

    public ReplyTokenStore tokens() {
        return new DynamoDbReplyTokenStore(dynamo(), config.tableName());
    }

    public AuditLog audit() {
        return new DynamoDbAuditLog(dynamo(), config.tableName());
    }

    public BlobStore blobs() {
        return blobs.get();
    }

    public Mailer mailer() {
        return mailer.get();
    }

    public FollowUpScheduler scheduler() {
        return scheduler.get();
    }

    public RuleCatalog rules() {
        return rules.get();
    }

    public ColleagueDirectory colleagues() {
        return ConfigColleagueDirectory.bundled();
    }

    public TemplateRenderer renderer() {
        return new MustacheTemplateRenderer();
    }

    public SlackWebApi slackWebApi() {
        return slack.get();
    }

    public ResponseCards cards() {
        return cards.get();
    }

    public ChatNotifier chat() {
        return new SlackChatNotifier(slackWebApi(), config.slackChannel(), cards());
    }

    public WorkDispatcher lambdaDispatcher() {
        return new LambdaWorkDispatcher(aws().lambda(), config.workerFunction());
    }

    /** The built-in suggester (core/suggest) unless a test or the local runtime set another one. */
    public Suggester suggester() {
        Suggester s = suggester;
        return s != null ? s : builtInSuggester.get();
    }

    public Components withSuggester(Suggester s) {
        this.suggester = s;
        return this;
    }

    public FollowUpPlanner planner() {
        return new FollowUpPlanner(clock, config.sendHour());
    }

    /** Signs and checks web links (customer page, internal answers); the key is LINK_SIGNING_KEY (≥ 32 bytes). */
    public io.arfollowup.core.token.LinkSigner linkSigner() {
        String key = config.linkSigningKey();
        if (key == null) {
            throw new IllegalStateException("missing environment variable(s): LINK_SIGNING_KEY");
        }
        return new io.arfollowup.core.token.LinkSigner(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), clock);
    }

    public ReplyAddresses replyAddresses() {
        return new ReplyAddresses(config.inboundDomains(), config.replyLocalPart());
    }

    public OutboundSettings outbound() {
        return new OutboundSettings(config.senderAddress(), config.senderName(), config.companyName(),
                config.webBaseUrl());
    }

    public ReceiveEmail receiveEmail(MailReader reader) {
        return new ReceiveEmail(blobs(), reader, responses(), tokens(), customers(), items(), chat(), suggester(),
                replyAddresses(), clock);
    }

    public QualifyResponse qualifyResponse() {
        return new QualifyResponse(responses(), qualifications(), customers(), items(), followUps(), scheduler(),
                rules(), audit(), chat(), suggester(), planner(), clock);
    }

    public ValidateOrDelete validateOrDelete() {
        return new ValidateOrDelete(responses(), customers(), items(), chat(), clock);
    }

    public RunFollowUp runFollowUp() {
        return new RunFollowUp(followUps(), customers(), items(), responses(), tokens(), rules(), renderer(),
                mailer(), chat(), colleagues(), replyAddresses(), outbound(), clock);
    }

    /** A value built on first use, once. */
    static final class Lazy<T> {
        private final Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = supplier.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
