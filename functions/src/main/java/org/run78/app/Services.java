package org.run78.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.run78.auth.UserTokens;
import org.run78.domain.aggregation.AggregationService;
import org.run78.domain.aggregation.Sweeper;
import org.run78.domain.badge.BadgePolicy;
import org.run78.domain.badge.BadgeService;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.DonationEvents;
import org.run78.domain.donation.DonationPolicy;
import org.run78.domain.donation.DonationService;
import org.run78.domain.leaderboard.LeaderboardService;
import org.run78.domain.profile.MeService;
import org.run78.domain.session.SessionService;
import org.run78.http.UserAuth;
import org.run78.queue.SnsDonationEvents;
import org.run78.store.CachedLeaderboardSnapshots;
import org.run78.store.DynamoBadges;
import org.run78.store.DynamoDonationCounter;
import org.run78.store.DynamoDonationLedger;
import org.run78.store.DynamoDonorHistories;
import org.run78.store.DynamoLeaderboardSnapshots;
import org.run78.store.DynamoProfiles;
import org.run78.store.DynamoSessionKeys;
import org.run78.store.DynamoTopDonors;
import org.run78.store.DynamoUncountedDonations;
import org.run78.wechat.RunDataCipher;
import org.run78.wechat.WeChatApiClient;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything a function needs, built once per container (Lambda) or per function (local
 * stack, tests) and shared by its invocations. Parts are built on first use so that a
 * function pays, at cold start, only for the clients it really uses.
 */
public final class Services {
    private static volatile Services lambdaContainer;

    private final Config config;
    private final Clock clock;
    private final List<ExecutionInterceptor> interceptors;

    private final Lazy<Campaign> campaign;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<SqsClient> sqs;
    private final Lazy<SnsClient> sns;
    private final Lazy<UserTokens> userTokens;
    private final Lazy<SessionService> sessions;
    private final Lazy<DonationService> donations;
    // Companies: registry, claims, project tracking (issue 5).
    private final Lazy<org.run78.domain.company.CompanyService> companies;
    private final Lazy<org.run78.domain.project.ProjectService> projects;
    private final Lazy<org.run78.domain.claim.ClaimService> claims;
    private final Lazy<LeaderboardService> leaderboard;
    private final Lazy<AggregationService> aggregation;
    private final Lazy<Sweeper> sweeper;
    private final Lazy<BadgeService> badges;
    private final Lazy<MeService> me;
    // Finalization (issue 6): the finalizer, and the published report (docs/finalization.md).
    private final Lazy<org.run78.domain.finalization.FinalizationService> finalization;
    private final Lazy<org.run78.domain.finalization.FinalReportService> finalReports;

    private Services(Config config, Clock clock, List<ExecutionInterceptor> interceptors) {
        this.config = config;
        this.clock = clock;
        this.interceptors = List.copyOf(interceptors);
        this.campaign = new Lazy<>(() -> CampaignFile.load(config.require("CAMPAIGN_FILE")));
        this.dynamo = new Lazy<>(() -> aws(DynamoDbClient.builder()).build());
        this.sqs = new Lazy<>(() -> aws(SqsClient.builder()).build());
        this.sns = new Lazy<>(() -> aws(SnsClient.builder()).build());
        this.userTokens = new Lazy<>(() -> new UserTokens(config.require("TOKEN_SECRET"),
                Duration.parse(config.optional("TOKEN_LIFETIME").orElse("PT2H"))));
        this.sessions = new Lazy<>(() -> new SessionService(
                new WeChatApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                        config.require("WECHAT_API_BASE"), config.require("WECHAT_APP_ID"), config.require("WECHAT_APP_SECRET")),
                new DynamoSessionKeys(dynamo.get(), config.require("USERS_TABLE")),
                userTokens.get(), clock));
        this.leaderboard = new Lazy<>(() -> new LeaderboardService(campaign.get(),
                new CachedLeaderboardSnapshots(new DynamoLeaderboardSnapshots(dynamo.get(), config.require("STATE_TABLE")),
                        Duration.parse(config.optional("LEADERBOARD_CACHE").orElse("PT1S"))),
                clock));
        this.companies = new Lazy<>(() -> new org.run78.domain.company.CompanyService(
                new org.run78.store.DynamoCompanies(dynamo.get(), config.require("COMPANIES_TABLE")), clock));
        this.projects = new Lazy<>(() -> new org.run78.domain.project.ProjectService(campaign.get(),
                new org.run78.store.CachedProjectList(
                        new org.run78.store.DynamoProjects(dynamo.get(), config.require("COMPANIES_TABLE")),
                        Duration.parse(config.optional("PROJECTS_CACHE").orElse("PT1S"))),
                new org.run78.store.DynamoAidedProgress(dynamo.get(), config.require("STATE_TABLE")), clock));
        this.claims = new Lazy<>(() -> new org.run78.domain.claim.ClaimService(campaign.get(),
                new org.run78.store.DynamoClaims(dynamo.get(), config.require("COMPANIES_TABLE")),
                new org.run78.store.DynamoProjects(dynamo.get(), config.require("COMPANIES_TABLE")),
                new org.run78.store.DynamoAidedProgress(dynamo.get(), config.require("STATE_TABLE")),
                projects.get().views(), clock));
        this.donations = new Lazy<>(() -> new DonationService(campaign.get(),
                new DonationPolicy(campaign.get(), config.require("WECHAT_APP_ID")),
                sessions.get(), new RunDataCipher(),
                new DynamoDonationLedger(dynamo.get(), config.require("LEDGER_TABLE")),
                donationEvents(), clock));
        this.aggregation = new Lazy<>(() -> new AggregationService(campaign(),
                new DynamoDonationCounter(dynamo(), campaign(), config.require("LEDGER_TABLE"),
                        config.require("USERS_TABLE"), config.require("STATE_TABLE")),
                new DynamoTopDonors(dynamo(), config.require("USERS_TABLE")),
                new DynamoLeaderboardSnapshots(dynamo(), config.require("STATE_TABLE")),
                clock));
        this.sweeper = new Lazy<>(() -> new Sweeper(
                new DynamoUncountedDonations(dynamo(), config.require("LEDGER_TABLE")),
                donationEvents(), aggregation(), clock,
                Duration.parse(config.optional("SWEEP_GRACE").orElse("PT2M")), 5_000));
        this.badges = new Lazy<>(() -> new BadgeService(new BadgePolicy(campaign().badges()),
                new DynamoDonorHistories(dynamo(), config.require("LEDGER_TABLE")),
                new DynamoBadges(dynamo(), config.require("USERS_TABLE"))));
        this.me = new Lazy<>(() -> new MeService(campaign(),
                new DynamoDonorHistories(dynamo(), config.require("LEDGER_TABLE")),
                new DynamoProfiles(dynamo(), config.require("USERS_TABLE")),
                clock));
        this.finalization = new Lazy<>(() -> FinalizationWiring.finalization(this));
        this.finalReports = new Lazy<>(() -> FinalizationWiring.reports(this));
    }

    public static Services create(Config config, Clock clock) {
        return new Services(config, clock, List.of());
    }

    /** With interceptors on every AWS client: how fault tests fail the k-th call, and how calls are counted. */
    public static Services create(Config config, Clock clock, List<ExecutionInterceptor> interceptors) {
        return new Services(config, clock, interceptors);
    }

    /** The container-wide instance that Lambda's no-argument handler constructors use. */
    public static Services fromEnvironment() {
        Services s = lambdaContainer;
        if (s == null) {
            synchronized (Services.class) {
                if (lambdaContainer == null) {
                    lambdaContainer = new Services(Config.fromSystemEnvironment(), Clock.systemUTC(), List.of());
                }
                s = lambdaContainer;
            }
        }
        return s;
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Campaign campaign() {
        return campaign.get();
    }

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    public UserAuth userAuth() {
        return new UserAuth(userTokens.get(), clock);
    }

    public SessionService sessions() {
        return sessions.get();
    }

    public DonationService donations() {
        return donations.get();
    }

    public org.run78.domain.company.CompanyService companies() {
        return companies.get();
    }

    public org.run78.http.CompanyAuth companyAuth() {
        return new org.run78.http.CompanyAuth(companies.get());
    }

    /** Fails at init (as it should) when ADMIN_TOKEN is not configured. */
    public org.run78.http.AdminAuth adminAuth() {
        return new org.run78.http.AdminAuth(config.require("ADMIN_TOKEN"));
    }

    public org.run78.domain.project.ProjectService projects() {
        return projects.get();
    }

    public org.run78.domain.claim.ClaimService claims() {
        return claims.get();
    }

    public LeaderboardService leaderboard() {
        return leaderboard.get();
    }

    public AggregationService aggregation() {
        return aggregation.get();
    }

    public Sweeper sweeper() {
        return sweeper.get();
    }

    public BadgeService badges() {
        return badges.get();
    }

    public MeService me() {
        return me.get();
    }

    public org.run78.domain.finalization.FinalizationService finalization() {
        return finalization.get();
    }

    public org.run78.domain.finalization.FinalReportService finalReports() {
        return finalReports.get();
    }

    private DonationEvents donationEvents() {
        return new SnsDonationEvents(sns.get(), config.require("DONATION_TOPIC_ARN"));
    }

    /** A light HTTP client, credentials from the environment, and the endpoint override of a local stack. */
    private <B extends AwsClientBuilder<B, ?>> B aws(B builder) {
        // Under SnapStart Lambda gives no AWS_ACCESS_KEY_ID & co, only its container credentials
        // endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI); resolved at the first call, so no credentials
        // are ever taken into a snapshot. Not the default chain: it would also probe profiles and IMDS.
        AwsCredentialsProvider credentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create(),
                ContainerCredentialsProvider.builder().build());
        builder.region(Region.of(config.require("AWS_REGION"))).credentialsProvider(credentials);
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(o -> o.executionInterceptors(interceptors));
        }
        config.optional("AWS_ENDPOINT_URL").map(URI::create).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(UrlConnectionHttpClient.create());
        }
        return builder;
    }
}
