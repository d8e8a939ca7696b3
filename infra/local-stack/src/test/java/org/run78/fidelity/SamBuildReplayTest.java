package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.run78.local.ServerlessFunction;

/**
 * Replays what `sam build` does for our Java/Maven functions (ARCHITECTURE.md): copy only the
 * CodeUri folder to a scratch folder, `mvn clean install` there, `mvn dependency:copy-dependencies`
 * of the runtime scope, and ship target/classes plus lib/*.jar, which Lambda puts on its class path
 * as /var/task and /var/task/lib/*.jar. Then every handler the template names must load from
 * exactly that layout, with nothing of this test's class path behind it.
 */
class SamBuildReplayTest {
    static final Set<String> FORBIDDEN_HTTP_CLIENTS = Set.of(
            "software.amazon.awssdk.http.apache.ApacheHttpClient",
            "software.amazon.awssdk.http.apache5.Apache5HttpClient",
            "org.apache.hc.client5.http.classic.HttpClient",
            "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
            "org.apache.http.client.HttpClient",
            "io.netty.channel.Channel");

    @TempDir
    static Path scratch;
    static Path task;
    static URLClassLoader lambda;
    static long artifactBytes;

    @BeforeAll
    static void buildAsSamDoes() throws Exception {
        String codeUri = codeUri();
        Path source = TemplateFacts.ROOT.resolve(codeUri).normalize();
        assertTrue(Files.isRegularFile(source.resolve("pom.xml")), codeUri + " is not a Maven module folder");
        Path copy = scratch.resolve("source");
        copyWithoutBuildOutput(source, copy);

        // As sam build runs it, but without writing org.run78:functions into the shared local
        // repository: sam never reads that copy, and the reactor that runs this test is using it.
        maven(copy, "clean", "install", "-Dmaven.install.skip=true");
        Path deps = scratch.resolve("dependencies");
        maven(copy, "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + deps);

        task = scratch.resolve("var-task");
        copyWithoutBuildOutput(copy.resolve("target/classes"), task);
        Path lib = Files.createDirectories(task.resolve("lib"));
        try (Stream<Path> jars = Files.list(deps)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        List<URL> classPath = new ArrayList<>();
        classPath.add(task.toUri().toURL());
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.sorted().toList()) {
                classPath.add(jar.toUri().toURL());
            }
        }
        lambda = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try (Stream<Path> files = Files.walk(task)) {
            artifactBytes = files.filter(Files::isRegularFile).mapToLong(SamBuildReplayTest::size).sum();
        }
        System.out.printf("sam build replay: deployable artifact (classes + lib) is %.1f MiB in %d jars%n",
                artifactBytes / 1024.0 / 1024.0, classPath.size() - 1);
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void everyFunctionSharesTheOneCodeUriThatIsAStandaloneMavenModule() throws IOException {
        Set<String> codeUris = new TreeSet<>();
        TemplateFacts.functions().forEach(f -> codeUris.add(String.valueOf(f.properties().get("CodeUri"))));
        assertEquals(Set.of(codeUri()), codeUris);
        String pom = Files.readString(TemplateFacts.ROOT.resolve(codeUri()).resolve("pom.xml"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<!--.*?-->", "");
        assertFalse(pom.contains("<parent>"), "a <parent> outside the CodeUri folder is not copied by sam build");
    }

    @Test
    void everyHandlerOfTheTemplateLoadsFromTheLambdaLayoutAsARequestStreamHandlerWithAPublicNoArgumentConstructor()
            throws Exception {
        Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, lambda);
        assertEquals(lambda, streamHandler.getClassLoader(), "the Lambda interfaces must come from lib/, not the runtime");
        for (ServerlessFunction f : TemplateFacts.functions()) {
            String handler = String.valueOf(f.properties().get("Handler"));
            Class<?> type = Class.forName(f.handlerClassName(), true, lambda);
            assertEquals(lambda, type.getClassLoader(), handler);
            assertTrue(streamHandler.isAssignableFrom(type), handler + " is not a RequestStreamHandler");
            assertFalse(Modifier.isAbstract(type.getModifiers()), handler + " is abstract");
            Constructor<?> lambdaConstructor = type.getConstructor();
            assertTrue(Modifier.isPublic(lambdaConstructor.getModifiers()), handler);
            String method = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
            assertTrue(Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(method)), handler);
        }
    }

    @Test
    void everyClassOfTheFunctionsLinksAgainstTheLibFolderAlone() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(task.resolve("org"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = task.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                try {
                    // Declared members name every type of every signature: a missing jar fails here.
                    Class<?> type = Class.forName(name, false, lambda);
                    type.getDeclaredMethods();
                    type.getDeclaredFields();
                    type.getDeclaredConstructors();
                } catch (ClassNotFoundException | LinkageError e) {
                    broken.add(name + ": " + e);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theCampaignDataTheTemplateNamesIsOnTheClassPath() {
        Object campaign = TemplateFacts.template().parameters().get("CampaignFile").get("Default");
        assertNotNull(lambda.getResource(String.valueOf(campaign)), "campaign file " + campaign);
    }

    @Test
    void noApacheOrNettyHttpClientAndNoTestLibraryIsShipped() throws IOException {
        for (String name : FORBIDDEN_HTTP_CLIENTS) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, lambda), name);
        }
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            List<String> unwanted = jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("apache") || n.startsWith("netty") || n.startsWith("httpclient") || n.startsWith("httpcore")
                            || n.startsWith("junit") || n.startsWith("archunit") || n.startsWith("opentest4j"))
                    .toList();
            assertEquals(List.of(), unwanted);
        }
        try (Stream<Path> top = Files.list(task)) {
            assertEquals(List.of(), top.filter(p -> p.toString().endsWith(".jar")).toList(),
                    "a jar at the artifact root is not on Lambda's class path");
        }
    }

    @Test
    void theUnzippedArtifactStaysFarBelowLambdasLimit() {
        // 250 MB unzipped is Lambda's hard limit; every megabyte also costs cold start.
        assertTrue(artifactBytes < 40L * 1024 * 1024, "artifact is " + artifactBytes + " bytes");
    }

    @Test
    void aFreshJvmOnTheArtifactAloneAnswersTheLeaderboardSampleFromMoto() throws Exception {
        org.run78.local.SharedMoto.resetToTemplate();
        java.util.Map<String, String> env = org.run78.local.SharedMoto.environmentOf("LeaderboardFunction");
        String classPath = String.join(java.io.File.pathSeparator, task.toString(), task.resolve("lib") + "/*",
                Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        ProcessBuilder probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", // as JAVA_TOOL_OPTIONS in the template
                "-cp", classPath, ColdStartProbe.class.getName(), "org.run78.handlers.LeaderboardHandler",
                TemplateFacts.ROOT.resolve("events/LeaderboardFunction.json").toString()).redirectErrorStream(true);
        probe.environment().putAll(env);
        probe.environment().put("AWS_ACCESS_KEY_ID", "testing");
        probe.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        Process process = probe.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0, output);
        String line = output.lines().filter(l -> l.startsWith("PROBE ")).findFirst().orElseThrow(() -> new AssertionError(output));
        System.out.println("sam build replay: cold start of LeaderboardHandler on the artifact, no SnapStart: " + line);
        assertTrue(line.contains("\"statusCode\":200"), line);
    }

    static String codeUri() {
        Set<String> uris = new TreeSet<>();
        TemplateFacts.functions().forEach(f -> uris.add(String.valueOf(f.properties().get("CodeUri"))));
        assertEquals(1, uris.size(), "functions with different CodeUris: " + uris);
        return uris.iterator().next();
    }

    /**
     * Runs Maven in the copy with this build's local repository. Offline first: the reactor has
     * resolved everything the functions need; online if offline fails (a plugin only sam's steps use).
     */
    static void maven(Path dir, String... goals) throws IOException, InterruptedException {
        String output = run(dir, true, goals);
        if (output != null) {
            String online = run(dir, false, goals);
            if (online != null) {
                throw new AssertionError("mvn " + String.join(" ", goals) + " failed in the CodeUri copy:\n" + online);
            }
        }
    }

    /** Null when Maven succeeded, else its output. */
    private static String run(Path dir, boolean offline, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-q"));
        if (offline) {
            command.add("-o");
        }
        String repository = System.getProperty("run78.maven.repo.local", "");
        if (!repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(scratch, "mvn", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " took over 10 minutes");
        }
        return process.exitValue() == 0 ? null : Files.readString(log);
    }

    private static String mavenExecutable() {
        String home = System.getProperty("maven.home", System.getenv().getOrDefault("MAVEN_HOME", ""));
        Path mvn = Path.of(home, "bin", "mvn");
        return !home.isBlank() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static void copyWithoutBuildOutput(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
