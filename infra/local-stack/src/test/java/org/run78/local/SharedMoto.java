package org.run78.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One moto_server for the whole test JVM (started on first use, stopped at exit), with SDK
 * clients for it. A test class calls {@link #resetToTemplate()} first for a clean state: moto
 * wiped, template.yaml's tables and queues created again.
 */
public final class SharedMoto {
    /** The values the functions get for the template's parameters in tests that use this moto. */
    public static final Map<String, String> TEST_PARAMETER_ENVIRONMENT = Map.of(
            "ADMIN_TOKEN", "test-admin-token-0123456789abcdef0123456789",
            "TOKEN_SECRET", "test-token-secret-0123456789abcdef0123456789",
            "WECHAT_APP_SECRET", "test-wechat-app-secret");

    private static volatile SamTemplate template;
    private static volatile ProvisionedResources resources;

    private SharedMoto() {
    }

    /**
     * Set (by the localstack Maven profile, docs/localstack.md) to an emulator already running, such
     * as LocalStack in Docker: the tests then use it instead of starting moto_server.
     */
    public static final String EXTERNAL_ENDPOINT = "run78.aws.endpoint";

    private static final class Server {
        static final URI ENDPOINT = start();
        static final DynamoDbClient DYNAMO_DB = AwsClients.dynamoDb(ENDPOINT);
        static final SqsClient SQS = AwsClients.sqs(ENDPOINT);
        static final SnsClient SNS = AwsClients.sns(ENDPOINT);

        private static URI start() {
            AwsClients.useDummyCredentialsForThisJvm();
            String external = System.getProperty(EXTERNAL_ENDPOINT, "");
            if (!external.isBlank()) {
                return URI.create(external);
            }
            MotoServer moto = MotoServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "shared-moto-stop"));
            return moto.endpoint();
        }
    }

    public static URI endpoint() {
        return Server.ENDPOINT;
    }

    public static DynamoDbClient dynamoDb() {
        return Server.DYNAMO_DB;
    }

    public static SqsClient sqs() {
        return Server.SQS;
    }

    /** Wipes moto: no tables, no queues. */
    public static void reset() {
        MotoServer.reset(endpoint());
        template = null;
        resources = null;
    }

    /** Wipes moto and creates the project's template.yaml tables and queues; returns their names and URLs. */
    public static ProvisionedResources resetToTemplate() {
        return resetToTemplate(ProjectTemplate.find());
    }

    public static synchronized ProvisionedResources resetToTemplate(Path templateFile) {
        reset();
        SamTemplate loaded = SamTemplate.load(templateFile);
        resources = new Provisioner(dynamoDb(), sqs(), Server.SNS).provision(loaded, parameters(loaded));
        template = loaded;
        return resources;
    }

    /**
     * The environment the local stack would give that function of the last template provisioned,
     * with AWS_ENDPOINT_URL on this moto: {@code Services.create(new Config(env), clock)} for tests.
     */
    public static Map<String, String> environmentOf(String functionLogicalId) {
        SamTemplate current = template;
        if (current == null) {
            throw new IllegalStateException("call SharedMoto.resetToTemplate() first");
        }
        ServerlessFunction function = current.functions().stream()
                .filter(f -> f.logicalId().equals(functionLogicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionLogicalId + " in the template"));
        return new LinkedHashMap<>(LocalFunctions.environment(function,
                new Intrinsics(current, parameters(current), resources), endpoint()));
    }

    private static Map<String, String> parameters(SamTemplate loaded) {
        // Port 0: these functions have no WeChat simulator; a test that needs one uses SharedLocalStack.
        return LocalParameters.resolve(loaded, TEST_PARAMETER_ENVIRONMENT, 0, System.out);
    }
}
