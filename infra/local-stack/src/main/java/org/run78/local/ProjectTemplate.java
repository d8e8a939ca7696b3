package org.run78.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the project's template.yaml is: $LOCAL_STACK_TEMPLATE, else the nearest one above the working directory. */
public final class ProjectTemplate {
    private ProjectTemplate() {
    }

    public static Path find() {
        return find(System.getenv());
    }

    static Path find(Map<String, String> env) {
        String configured = env.get("LOCAL_STACK_TEMPLATE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template.yaml next to a pom.xml above " + Path.of("").toAbsolutePath()
                + "; set LOCAL_STACK_TEMPLATE");
    }
}
