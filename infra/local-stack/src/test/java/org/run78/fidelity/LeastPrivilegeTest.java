package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.run78.local.ServerlessFunction;

/**
 * Each function may do only what it does, on only what it uses: read from template.yaml, the way
 * IAM will see it. (That the grants suffice is SampleEventsTest's part: every AWS call a function
 * makes on its sample event is checked against these same grants.)
 */
class LeastPrivilegeTest {

    @Test
    void noPolicyInTheTemplateGrantsAWildcardActionOrResource() {
        List<String> wildcards = new ArrayList<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (FunctionPolicies.Grant g : FunctionPolicies.grants(f)) {
                if (g.action().contains("*") || g.resource().contains("*")) {
                    wildcards.add(f.logicalId() + ": " + g);
                }
            }
        }
        // Roles and policies written as resources are held to the same rule.
        TemplateFacts.resources().forEach((id, r) -> {
            String type = String.valueOf(r.get("Type"));
            if (type.startsWith("AWS::IAM::")) {
                collectWildcards(id, r.get("Properties"), wildcards);
            }
        });
        assertEquals(List.of(), wildcards);
    }

    @Test
    void everyFunctionPolicyIsAnExplicitStatementNotAPolicyTemplateThatHidesAWildcard() {
        // SAM's DynamoDBCrudPolicy grants table/index/* and Scan/DeleteItem; SQSSendMessagePolicy sqs:SendMessage*.
        List<FunctionPolicies.Opaque> opaque = TemplateFacts.functions().stream()
                .flatMap(f -> FunctionPolicies.opaqueEntries(f).stream()).toList();
        assertEquals(List.of(), opaque);
    }

    @Test
    void aFunctionHasAPolicyOnlyOnTheTablesTopicsAndQueuesItsEnvironmentNames() {
        Map<String, Set<String>> strays = new TreeMap<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            Set<String> named = namedByEnvironment(f);
            for (FunctionPolicies.Grant g : FunctionPolicies.grants(f)) {
                String resource = g.resource().split("/")[0];
                if (!named.contains(resource)) {
                    strays.computeIfAbsent(f.logicalId(), k -> new TreeSet<>()).add(g.toString());
                }
            }
        }
        assertEquals(Map.of(), strays, "policies on resources the function's environment does not name");
    }

    @Test
    void aQueueConsumerHasItsOwnRoleSoSamGivesItNoPollerPolicyOnEveryQueue() {
        for (ServerlessFunction f : TemplateFacts.functions()) {
            if (f.events().stream().anyMatch(e -> e.type().equals("SQS"))) {
                String role = TemplateFacts.referencedId(f.properties().get("Role"));
                assertEquals("AWS::IAM::Role", TemplateFacts.type(role), f.logicalId() + " has no role of its own");
                List<Object> managed = TemplateFacts.list(TemplateFacts.properties(role).get("ManagedPolicyArns"));
                assertTrue(managed.stream().noneMatch(m -> String.valueOf(m).contains("SQSQueueExecutionRole")), role);
            }
        }
    }

    @Test
    void everyGrantNamesAResourceOfTheTemplate() {
        Set<String> ids = TemplateFacts.resources().keySet();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (FunctionPolicies.Grant g : FunctionPolicies.grants(f)) {
                assertTrue(ids.contains(g.resource().split("/")[0]), f.logicalId() + ": " + g);
            }
        }
    }

    @Test
    void eachSecretReachesOnlyTheFunctionsThatUseIt() {
        Map<String, Set<String>> holders = new TreeMap<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            f.environmentVariables().forEach((name, value) -> {
                String parameter = TemplateFacts.referencedId(value);
                if (parameter != null && Set.of("AdminToken", "TokenSecret", "WeChatAppSecret").contains(parameter)) {
                    holders.computeIfAbsent(parameter, k -> new TreeSet<>()).add(f.logicalId());
                }
            });
        }
        // The admin token goes to the functions that serve operators' calls, and to no other.
        Set<String> operatorFunctions = new TreeSet<>();
        for (ServerlessFunction f : TemplateFacts.functions()) {
            for (ServerlessFunction.Event e : f.events()) {
                if (e.type().equals("HttpApi") && String.valueOf(e.properties().get("Path")).startsWith("/v1/admin/")) {
                    operatorFunctions.add(f.logicalId());
                }
            }
        }
        assertEquals(operatorFunctions, holders.get("AdminToken"));
        assertEquals(Set.of("SessionFunction", "DonateFunction"), holders.get("WeChatAppSecret"));
        assertEquals(Set.of("SessionFunction", "DonateFunction", "MeFunction"), holders.get("TokenSecret"));
    }

    @Test
    void noTableQueueOrTopicIsNamedInTheGlobalsSoEveryFunctionNamesItsOwn() {
        // A resource in every function's environment would let any function's policy grant on it unnoticed.
        Map<String, Object> document = org.run78.local.CloudFormationYaml.read(TemplateFacts.TEMPLATE);
        Map<String, Object> globals = TemplateFacts.map(TemplateFacts.map(TemplateFacts.map(TemplateFacts.map(
                document.get("Globals")).get("Function")).get("Environment")).get("Variables"));
        for (Object value : globals.values()) {
            String id = TemplateFacts.referencedId(value);
            assertFalse(TemplateFacts.isTableQueueOrTopic(id), "Globals name " + id);
        }
    }

    /** The resources a function's environment names, and the queues its event sources poll. */
    private static Set<String> namedByEnvironment(ServerlessFunction f) {
        Set<String> named = new TreeSet<>();
        f.events().stream().filter(e -> e.type().equals("SQS"))
                .forEach(e -> named.add(TemplateFacts.referencedId(e.properties().get("Queue"))));
        f.environmentVariables().values().forEach(v -> {
            String id = TemplateFacts.referencedId(v);
            if (id != null) {
                named.add(id);
            }
        });
        return named;
    }

    private static void collectWildcards(String where, Object value, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (("Action".equals(k) || "Resource".equals(k) || "NotAction".equals(k)) && String.valueOf(v).contains("*")) {
                    found.add(where + ": " + k + " " + v);
                }
                collectWildcards(where, v, found);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectWildcards(where, v, found));
        }
    }
}
