package org.run78.local;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Local stacks on the test templates of src/test/resources/templates, on the shared moto (wiped first). */
final class TestStacks {
    private TestStacks() {
    }

    static LocalStack start(String templateName) {
        return start(LocalStack.Options.defaults(), templateName);
    }

    static LocalStack start(LocalStack.Options options, String templateName) {
        SharedMoto.reset();
        return LocalStack.start(options.withTemplate(template(templateName)).withMoto(SharedMoto.endpoint())
                .withEnvironment(SharedMoto.TEST_PARAMETER_ENVIRONMENT));
    }

    static Path template(String name) {
        URL resource = TestStacks.class.getResource("/templates/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("no test template " + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
