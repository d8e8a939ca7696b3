package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Services;
import org.run78.local.ServerlessFunction;
import org.run78.local.SharedMoto;
import org.run78.testing.CallRecorder;

/**
 * What a function does at init is what SnapStart snapshots: it must build everything its requests
 * use (so a restored copy starts warm and a misconfiguration fails the deployment, not a user's
 * request) and call nothing (no AWS call, whose credentials or connection would be frozen into
 * the snapshot and shared by every copy).
 */
class SnapStartInitTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2019-06-26T01:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void template() {
        SharedMoto.resetToTemplate();
    }

    @Test
    void buildingAnyFunctionMakesNoAwsCall() throws Exception {
        for (ServerlessFunction f : TemplateFacts.functions()) {
            CallRecorder recorder = new CallRecorder();
            build(f, SharedMoto.environmentOf(f.logicalId()), recorder);
            assertEquals(List.of(), recorder.requests(), f.logicalId() + " called AWS at init");
        }
    }

    @Test
    void everyTableQueueAndTopicAFunctionIsGivenIsReadAtInitSoNoneIsGivenForNothing() {
        List<String> lazy = new ArrayList<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            f.environmentVariables().forEach((name, value) -> {
                String id = TemplateFacts.referencedId(value);
                if (!TemplateFacts.isTableQueueOrTopic(id)) {
                    return;
                }
                Map<String, String> env = new HashMap<>(SharedMoto.environmentOf(f.logicalId()));
                env.remove(name);
                try {
                    build(f, env, new CallRecorder());
                    lazy.add(f.logicalId() + " starts without " + name);
                } catch (IllegalStateException e) {
                    assertTrue(e.getMessage().contains(name), e.getMessage());
                } catch (Exception e) {
                    throw new AssertionError(f.logicalId(), e);
                }
            });
        }
        assertEquals(List.of(), lazy);
    }

    private static Object build(ServerlessFunction f, Map<String, String> env, CallRecorder recorder) throws Exception {
        Services services = Services.create(new Config(env), CLOCK, List.of(recorder));
        try {
            return Class.forName(f.handlerClassName()).getConstructor(Services.class).newInstance(services);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
