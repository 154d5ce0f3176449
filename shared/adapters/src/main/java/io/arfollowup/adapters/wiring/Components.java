package io.arfollowup.adapters.wiring;

import io.arfollowup.adapters.aws.AwsClients;
import io.arfollowup.adapters.config.AppConfig;
import io.arfollowup.adapters.config.ConfigColleagueDirectory;
import io.arfollowup.adapters.config.YamlRuleCatalog;
import io.arfollowup.adapters.config.YamlScenario;
import io.arfollowup.adapters.csv.CommonsCsvTableReader;
import io.arfollowup.adapters.dynamodb.DynamoDbColleagueDirectory;
import io.arfollowup.adapters.dynamodb.DynamoDbImportLog;
import io.arfollowup.adapters.dynamodb.DynamoDbItemLedger;
import io.arfollowup.adapters.dynamodb.DynamoDbPromiseStore;
import io.arfollowup.adapters.dynamodb.DynamoDbScenarioLedger;
import io.arfollowup.adapters.dynamodb.DynamoDbScenarioStore;
import io.arfollowup.adapters.slack.SlackTeamNotifier;
import io.arfollowup.core.port.CustomerFollowUps;
import io.arfollowup.core.port.ImportLog;
import io.arfollowup.core.port.ItemLedger;
import io.arfollowup.core.port.PromiseStore;
import io.arfollowup.core.port.ScenarioLedger;
import io.arfollowup.core.port.ScenarioStore;
import io.arfollowup.core.port.TableReader;
import io.arfollowup.core.port.TeamNotifier;
import io.arfollowup.core.port.WebFormLinks;
import io.arfollowup.core.usecase.AccountQuery;
import io.arfollowup.core.usecase.Holds;
import io.arfollowup.core.usecase.ImportFile;
import io.arfollowup.core.usecase.PromiseCheck;
import io.arfollowup.core.usecase.RunScenario;
import io.arfollowup.core.usecase.TrackQualification;
import io.arfollowup.adapters.dynamodb.DynamoDbAuditLog;
import io.arfollowup.adapters.dynamodb.DynamoDbCustomerStore;
import io.arfollowup.adapters.dynamodb.DynamoDbFollowUpStore;
import io.arfollowup.adapters.dynamodb.DynamoDbItemStore;
import io.arfollowup.adapters.dynamodb.DynamoDbLearningStore;
import io.arfollowup.adapters.dynamodb.DynamoDbQualificationStore;
import io.arfollowup.adapters.dynamodb.DynamoDbReplyTokenStore;
import io.arfollowup.adapters.dynamodb.DynamoDbResponseStore;
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
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the adapters and use cases from one {@link AppConfig}, the same way in every function and in the local
 * runtime. Each part is built once, on first use (a function only pays for what it uses at init).
 */
public final class Components {

    private final AppConfig config;
    private final Clock clock;

    /** How long another Lambda's edit of a status or template may take to show (DynamoDbRuleCatalog). */
    public static final java.time.Duration RULE_EDITS_TTL = java.time.Duration.ofSeconds(30);
    /** The life of an attachment link on a card (and no longer than the signing role's session). */
    public static final java.time.Duration ATTACHMENT_LINK_TTL = java.time.Duration.ofHours(12);

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
    private final Lazy<io.arfollowup.adapters.dynamodb.DynamoDbRuleCatalog> rules = new Lazy<>(() ->
            new io.arfollowup.adapters.dynamodb.DynamoDbRuleCatalog(dynamo(), config().tableName(),
                    this::seedCatalog, clock(), RULE_EDITS_TTL));
    private final Lazy<io.arfollowup.core.port.RuleCatalog> seed = new Lazy<>(YamlRuleCatalog::bundled);

    private io.arfollowup.core.port.RuleCatalog seedCatalog() {
        return seed.get();
    }
    private final Lazy<SlackWebApi> slack = new Lazy<>(() -> new SlackWebApi(
            config().slackApi().orElse("https://slack.com/api/"),
            config().slackBotToken() == null ? "xoxb-local" : config().slackBotToken()));
    private final Lazy<ResponseCards> cards = new Lazy<>(() -> new ResponseCards(uiLanguage(),
            config().defaultZone(), rules(), clock(), mailLinks()::link, ATTACHMENT_LINK_TTL));
    private final Lazy<io.arfollowup.adapters.s3.S3LinkPresigner> mailLinks = new Lazy<>(() ->
            aws().mailLinks(ATTACHMENT_LINK_TTL, clock()));
    private volatile io.arfollowup.core.port.ScenarioStore scenarios;
    private final Lazy<BlobStore> blobs = new Lazy<>(() -> new S3BlobStore(aws().s3(), config().mailBucket()));
    private final Lazy<Mailer> mailer = new Lazy<>(() -> new SesMailer(aws().ses(), config().sesConfigurationSet()));
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

    private volatile DynamoDbClient dynamoOverride;

    public DynamoDbClient dynamo() {
        DynamoDbClient d = dynamoOverride;
        return d != null ? d : dynamo.get();
    }

    /** Another DynamoDB client for every store built after this call (a benchmark's counting interceptor). */
    public Components withDynamoDb(DynamoDbClient client) {
        this.dynamoOverride = client;
        return this;
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

    /** The imported directory (colleagues CSV) over the one shipped in infra/config. */
    public ColleagueDirectory colleagues() {
        return colleagueDirectory();
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

    /** The asynchronous hand-off to slack-worker, as one SigV4-signed Invoke (no Lambda service module needed). */
    public WorkDispatcher lambdaDispatcher() {
        return aws().lambdaDispatcher(config.workerFunction(), clock);
    }

    public io.arfollowup.adapters.s3.S3LinkPresigner mailLinks() {
        return mailLinks.get();
    }

    public io.arfollowup.core.port.CatalogOverrides catalogOverrides() {
        return rules.get();
    }

    public io.arfollowup.core.port.CollectionsIndex collectionsIndex() {
        return new io.arfollowup.adapters.dynamodb.DynamoDbCollectionsIndex(dynamo(), config.tableName());
    }

    public io.arfollowup.adapters.slack.CollectorScreens collectorScreens() {
        return new io.arfollowup.adapters.slack.CollectorScreens(uiLanguage(), config.defaultZone(), rules());
    }

    public io.arfollowup.core.port.ChatScreens screens() {
        return new io.arfollowup.adapters.slack.SlackScreens(slackWebApi(), collectorScreens());
    }

    /**
     * The dunning scenario's steps: the DynamoDB store seeded from infra/config/scenario.yaml (issue 7), unless
     * another store was wired with {@link #withScenarioStore}.
     */
    public io.arfollowup.core.port.ScenarioStore scenarioStore() {
        io.arfollowup.core.port.ScenarioStore wired = scenarios;
        return wired != null ? wired : new DynamoDbScenarioStore(dynamo(), config.tableName(),
                () -> YamlScenario.bundled(rules()), clock);
    }

    public Components withScenarioStore(io.arfollowup.core.port.ScenarioStore store) {
        this.scenarios = store;
        return this;
    }

    public io.arfollowup.core.usecase.AmendQualification amendQualification() {
        return new io.arfollowup.core.usecase.AmendQualification(responses(), qualifications(), customers(), items(),
                followUps(), scheduler(), audit(), chat(), clock);
    }

    public io.arfollowup.core.usecase.TriageResponse triageResponse() {
        return new io.arfollowup.core.usecase.TriageResponse(responses(), qualifications(), customers(), items(),
                followUps(), suggester(), chat(), clock);
    }

    public io.arfollowup.core.usecase.CustomerHistory customerHistory() {
        return new io.arfollowup.core.usecase.CustomerHistory(collectionsIndex(), customers(), items(),
                qualifications(), audit(), screens());
    }

    public io.arfollowup.core.usecase.HomeOverview homeOverview() {
        return new io.arfollowup.core.usecase.HomeOverview(collectionsIndex(), rules(), screens(), clock,
                config.defaultZone());
    }

    public io.arfollowup.core.usecase.CatalogEdits catalogEdits() {
        return new io.arfollowup.core.usecase.CatalogEdits(rules(), catalogOverrides(), scenarioStore(), renderer(),
                audit(), clock);
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
        String previous = config.previousLinkSigningKey();
        return new io.arfollowup.core.token.LinkSigner(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                previous == null ? List.of() : List.of(previous.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                clock);
    }

    public ReplyAddresses replyAddresses() {
        return new ReplyAddresses(config.inboundDomains(), config.replyLocalPart());
    }

    public OutboundSettings outbound() {
        boolean canLink = config.linkSigningKey() != null && config.webBaseUrl() != null;
        return new OutboundSettings(config.senderAddress(), config.senderName(), config.companyName(),
                config.webBaseUrl(), canLink ? customerLinks() : null);
    }

    // ---------------------------------------------------------------- the customer's page (F2, issue 4)

    /** Mints customers' signed page links ({@code WEB_BASE_URL/r/<token>}, 30 days). */
    public io.arfollowup.core.webform.CustomerLinks customerLinks() {
        return new io.arfollowup.core.webform.CustomerLinks(linkSigner(), config.webBaseUrl(), clock);
    }

    public io.arfollowup.core.webform.CustomerAccess customerAccess() {
        return new io.arfollowup.core.webform.CustomerAccess(linkSigner(), customers(), clock);
    }

    public io.arfollowup.core.port.WebUploadStore webUploads() {
        return new io.arfollowup.adapters.dynamodb.DynamoDbWebUploadStore(dynamo(), config.tableName(), clock);
    }

    public io.arfollowup.core.port.LinkRequestLimiter linkRequestLimiter() {
        return new io.arfollowup.adapters.dynamodb.DynamoDbLinkRequestLimiter(dynamo(), config.tableName());
    }

    /** Structured answers suggest their own statuses; anything else goes to the text suggester. */
    public Suggester webFormSuggester() {
        return new io.arfollowup.core.webform.StructuredAnswerSuggester(rules(), planner(), uiLanguage(),
                lazySuggester());
    }

    /**
     * The suggester, built on its first use (the lexicon, the seed model and the learned counts read from DynamoDB):
     * the customer's page opens (GET) without paying for it; the first answer posted does, or the SnapStart priming.
     */
    public Suggester lazySuggester() {
        return new Suggester() {
            @Override
            public java.util.Optional<io.arfollowup.core.domain.Suggestion> suggest(
                    io.arfollowup.core.port.SuggestionRequest request) {
                return suggester().suggest(request);
            }

            @Override
            public void learn(io.arfollowup.core.port.SuggestionRequest request,
                              io.arfollowup.core.domain.Qualification decision) {
                suggester().learn(request, decision);
            }

            @Override
            public void forget(String responseId) {
                suggester().forget(responseId);
            }
        };
    }

    public io.arfollowup.core.webform.ShowStatement showStatement() {
        return new io.arfollowup.core.webform.ShowStatement(customerAccess(), items(), planner());
    }

    /**
     * The page's POST. An automatic copy request needs the scheduler (RUNNER_TARGET_ARN): configured in AWS (the
     * runner's alias is written from its fixed name, docs/decisions/template-references.md) and locally; where it is
     * not, copies stay in the suggestion.
     */
    public io.arfollowup.core.webform.SubmitWebAnswers submitWebAnswers() {
        QualifyResponse qualify = config.runnerTargetArn() == null ? null : new QualifyResponse(responses(),
                qualifications(), customers(), items(), followUps(), scheduler(), rules(), audit(), chat(),
                webFormSuggester(), planner(), clock);
        return new io.arfollowup.core.webform.SubmitWebAnswers(customerAccess(), items(), responses(), webUploads(),
                blobs(), chat(), webFormSuggester(), qualify, planner(),
                new io.arfollowup.core.webform.SubmitWebAnswers.Settings(config.webPromiseHorizonDays(), 10,
                        4L * 1024 * 1024), clock);
    }

    public io.arfollowup.core.webform.SendNewLink sendNewLink() {
        return new io.arfollowup.core.webform.SendNewLink(customerAccess(), customers(), linkRequestLimiter(),
                customerLinks(), mailer(), renderer(),
                io.arfollowup.adapters.config.BundledTemplates.load("config/web-form-emails.yaml",
                        "customer-new-link"), outbound(), planner(), onceStore(), clock);
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
                mailer(), chat(), colleagues(), replyAddresses(), outbound(), clock, followUpGuard(),
                new RunFollowUp.Channels(blobs(), smsSender(), letters(), config.linkSigningKey() == null ? null
                        : linkSigner()));
    }

    // ---------------------------------------------------------------- issue 6: follow-up engine

    /** The runner's first step: issue 7's promise checks (and holds "until the check" released when it comes). */
    public io.arfollowup.core.port.FollowUpGuard followUpGuard() {
        return promiseCheck();
    }

    private final Lazy<io.arfollowup.core.port.SmsSender> sms = new Lazy<>(() -> config().smsEnabled()
            ? new io.arfollowup.adapters.sms.EndUserMessagingSmsSender(
                    new io.arfollowup.adapters.sms.EndUserMessagingSmsSender.Settings(config().region(),
                            config().smsEndpoint(), config().smsOriginationIdentity(), null),
                    config().smsEndpoint() != null
                            ? software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("LOCAL", "LOCAL"))
                            : software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build())
            : io.arfollowup.core.port.SmsSender.NONE);

    public io.arfollowup.core.port.SmsSender smsSender() {
        return sms.get();
    }

    public io.arfollowup.core.port.LetterRenderer letters() {
        return new io.arfollowup.adapters.pdf.PdfBoxLetterRenderer();
    }

    public io.arfollowup.core.port.InternalAnswerStore internalAnswerStore() {
        return new io.arfollowup.adapters.dynamodb.DynamoDbInternalAnswerStore(dynamo(), config.tableName());
    }

    public io.arfollowup.core.port.OnceStore onceStore() {
        return new io.arfollowup.adapters.dynamodb.DynamoDbOnceStore(dynamo(), config.tableName());
    }

    public io.arfollowup.core.usecase.FollowUpDecisions followUpDecisions() {
        return new io.arfollowup.core.usecase.FollowUpDecisions(followUps(), customers(), rules(), scheduler(),
                followUpTrigger(), audit(), chat(), planner(), clock);
    }

    /**
     * Send now from the worker: handed to the runner function when RUNNER_FUNCTION is set (AWS), so the worker's jar
     * needs neither S3 nor PDFBox; in process otherwise (local runtime, tests).
     */
    public io.arfollowup.core.usecase.FollowUpTrigger followUpTrigger() {
        return config.runnerFunction() != null
                ? new io.arfollowup.adapters.lambda.LambdaFollowUpTrigger(aws().lambdaApi(), config.runnerFunction())
                : io.arfollowup.core.usecase.FollowUpTrigger.inProcess(runFollowUp());
    }

    public io.arfollowup.core.usecase.CatchUpFollowUps catchUpFollowUps() {
        return new io.arfollowup.core.usecase.CatchUpFollowUps(followUps(), runFollowUp(), clock);
    }

    public io.arfollowup.core.usecase.FollowUpPreview followUpPreview() {
        return new io.arfollowup.core.usecase.FollowUpPreview(followUps(), customers(), items(), responses(), rules(),
                renderer(), outbound());
    }

    public io.arfollowup.core.usecase.InternalAnswers internalAnswers() {
        // issue 7: a "resolved" answer that releases a hold is audited and brings the customer back into the scenario
        return new io.arfollowup.core.usecase.InternalAnswers(linkSigner(), followUps(), customers(),
                new io.arfollowup.core.usecase.HoldReleasingItemStore(items(), holds(), "internal-answer"),
                responses(), rules(), internalAnswerStore(), audit(), chat(), lazyBlobs(), colleagues(), clock);
    }

    /** The mail bucket, built on first use: the worker validates answers without ever touching S3 (nor its SDK). */
    private BlobStore lazyBlobs() {
        return new BlobStore() {
            @Override
            public java.io.InputStream open(String key) throws java.io.IOException {
                return blobs().open(key);
            }

            @Override
            public void download(String key, java.nio.file.Path target) throws java.io.IOException {
                blobs().download(key, target);
            }

            @Override
            public void put(String key, byte[] content, String contentType) throws java.io.IOException {
                blobs().put(key, content, contentType);
            }

            @Override
            public void put(String key, java.nio.file.Path file, String contentType) throws java.io.IOException {
                blobs().put(key, file, contentType);
            }

            @Override
            public boolean exists(String key) {
                return blobs().exists(key);
            }
        };
    }

    public io.arfollowup.core.usecase.NotifyAfterQualification notifyAfterQualification() {
        return new io.arfollowup.core.usecase.NotifyAfterQualification(responses(), qualifications(), customers(),
                rules(), renderer(), mailer(), colleagues(), tokens(), replyAddresses(), outbound(), onceStore(),
                clock);
    }

    // ---------------------------------------------------------------- holds, promises, scenario, imports (issue 7)

    public PromiseStore promises() {
        return new DynamoDbPromiseStore(dynamo(), config.tableName());
    }

    public ItemLedger itemLedger() {
        return new DynamoDbItemLedger(dynamo(), config.tableName());
    }

    public ScenarioLedger scenarioLedger() {
        return new DynamoDbScenarioLedger(dynamo(), config.tableName());
    }

    public ImportLog importLog() {
        return new DynamoDbImportLog(dynamo(), config.tableName());
    }

    public DynamoDbColleagueDirectory colleagueDirectory() {
        return new DynamoDbColleagueDirectory(dynamo(), config.tableName(), ConfigColleagueDirectory.bundled());
    }

    public CustomerFollowUps customerFollowUps() {
        return new DynamoDbFollowUpStore(dynamo(), config.tableName());
    }

    public TableReader tableReader() {
        return new CommonsCsvTableReader();
    }

    public TeamNotifier team() {
        return new SlackTeamNotifier(slackWebApi(), config.slackChannel(), uiLanguage());
    }

    /** The web-form link of reminders: the customer page's (issue 4's CustomerLinks); none without key or URL. */
    public WebFormLinks webFormLinks() {
        return config.linkSigningKey() == null || config.webBaseUrl() == null ? WebFormLinks.NONE
                : (customer, reminderId) -> customerLinks().url(customer.id());
    }

    public Holds holds() {
        return new Holds(items(), itemLedger(), scenarioLedger(), audit(), clock, config.defaultZone());
    }

    public PromiseCheck promiseCheck() {
        return new PromiseCheck(promises(), customers(), items(), followUps(), scheduler(), rules(), planner(),
                holds(), team(), audit(), clock);
    }

    public TrackQualification trackQualification() {
        return new TrackQualification(responses(), customers(), items(), promises(), rules(), holds(), audit());
    }

    public RunScenario runScenario() {
        return new RunScenario(scenarioStore(), scenarioLedger(), itemLedger(), customers(), rules(), renderer(),
                mailer(), tokens(), replyAddresses(), webFormLinks(), outbound(), holds(), promiseCheck(), team(),
                audit(), clock, config.defaultZone());
    }

    public ImportFile importFile() {
        return importFile(blobs());
    }

    /** The import reading from {@code bucket} (the imports function takes it from the S3 event). */
    public ImportFile importFile(String bucket) {
        return importFile(bucket == null || bucket.isBlank() || bucket.equals(config.mailBucket()) ? blobs()
                : new S3BlobStore(aws().s3(), bucket));
    }

    private ImportFile importFile(BlobStore from) {
        return new ImportFile(from, tableReader(), importLog(), customers(), items(), itemLedger(),
                scenarioLedger(), scenarioStore(), tokens(), colleagueDirectory(), customerFollowUps(), followUps(),
                scheduler(), rules(), promiseCheck(), holds(), team(), audit(), clock, config.defaultZone(),
                uiLanguage());
    }

    public AccountQuery accountQuery() {
        return new AccountQuery(customers(), itemLedger(), promises(), scenarioLedger(), audit(), clock);
    }

    // ---------------------------------------------------------------- issue 9: SES bounces and complaints

    /** The configuration set's bounce and complaint events mark contacts failing (functions/mail-feedback). */
    public io.arfollowup.core.usecase.RecordMailFeedback recordMailFeedback() {
        return new io.arfollowup.core.usecase.RecordMailFeedback(customers());
    }

    // ---------------------------------------------------------------- issue 9: metrics and SnapStart priming

    private volatile io.arfollowup.core.port.Metrics metrics;

    /**
     * The business counters: CloudWatch EMF lines on stdout inside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set),
     * nothing elsewhere (the demo's output stays readable) unless {@link #withMetrics} set one.
     */
    public io.arfollowup.core.port.Metrics metrics() {
        io.arfollowup.core.port.Metrics m = metrics;
        if (m == null) {
            String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
            m = function == null || function.isBlank() ? io.arfollowup.core.port.Metrics.NONE
                    : io.arfollowup.adapters.metrics.EmfMetrics.stdout(function, clock);
            metrics = m;
        }
        return m;
    }

    public Components withMetrics(io.arfollowup.core.port.Metrics m) {
        this.metrics = m;
        return this;
    }

    /**
     * The priming every function shares (docs/decisions/snapstart-priming.md): before the snapshot, one GetItem of a
     * missing key (DynamoDB client, endpoint rules, signer, connection), the catalogue and a template rendered with
     * sample values, Gson; after each restore, a fresh random generator for ids. The handler adds its own steps and
     * registers it.
     */
    public io.arfollowup.adapters.lambda.Priming priming(String function) {
        return io.arfollowup.adapters.lambda.Priming.of(function)
                .before("dynamodb", () -> responses().get("~prime"))
                .before("catalogue", () -> {
                    var template = rules().templates().stream().findFirst();
                    template.ifPresent(t -> renderer().render(t, Language.FR, java.util.Map.of(
                            "companyName", "Prime", "customerName", "Prime", "itemNumbers", "FA-0")));
                })
                .before("json", () -> io.arfollowup.adapters.json.Json.GSON.toJson(
                        io.arfollowup.adapters.json.Json.parse("{\"prime\":[1,\"a\"]}")))
                .after("reseed-ids", io.arfollowup.core.token.Ids::reseed);
    }

    /** Priming of the mail path: a MIME message built and a SendEmail request signed, nothing sent. */
    public Runnable primeMailer() {
        return () -> {
            if (mailer() instanceof SesMailer ses) {
                ses.prime();
            }
        };
    }

    /** Priming of the suggester: one suggestion on a sample reply (the precomputed model, the lexicon). */
    public Runnable primeSuggester() {
        return () -> suggester().suggest(new io.arfollowup.core.port.SuggestionRequest("em-prime",
                io.arfollowup.core.domain.ResponseChannel.EMAIL, "Re: relance", "Bonjour, le virement partira "
                + "le 14. Cordialement", "fr", java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.time.Instant.EPOCH, config.defaultZone(), io.arfollowup.core.domain.Country.FR, false));
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
