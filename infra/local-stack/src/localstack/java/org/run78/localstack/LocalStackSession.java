package org.run78.localstack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The `localstack` Maven profile's only addition: before any test runs, LocalStack starts in Docker
 * (Testcontainers) and its endpoint goes into the system property that SharedMoto and
 * SharedLocalStack read instead of starting moto_server; it stops when the tests are done.
 * Compiled only in that profile, so the default build neither needs Docker nor downloads this.
 */
public final class LocalStackSession implements LauncherSessionListener {
    private static final String ENDPOINT = "run78.aws.endpoint";
    private LocalStackContainer container;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!System.getProperty(ENDPOINT, "").isBlank()) {
            return; // an emulator given on the command line (-Drun78.aws.endpoint=...) is used as it is
        }
        String image = System.getProperty("localstack.image", "localstack/localstack:4.9");
        container = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.SNS);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token); // newer images require an account
        }
        container.start();
        System.setProperty(ENDPOINT, container.getEndpoint().toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (container != null) {
            container.stop();
        }
    }
}
