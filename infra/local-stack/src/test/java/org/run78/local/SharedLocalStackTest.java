package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SharedLocalStackTest {

    @Test
    void the_shared_stack_serves_the_project_template_on_a_free_port_with_its_own_moto() {
        LocalStack stack = SharedLocalStack.reset();
        assertSame(stack, SharedLocalStack.get(), "one per test JVM");
        assertNotEquals(3000, stack.port());
        assertNotEquals(SharedMoto.endpoint(), stack.motoEndpoint(), "not the moto that store tests reset");
        assertEquals(404, LocalHttp.get(stack.uri("/no/such/route")).status());
        assertEquals(SharedMoto.TEST_PARAMETER_ENVIRONMENT.get("ADMIN_TOKEN"), stack.adminToken());
        assertEquals("http://127.0.0.1:" + stack.port() + "/_local/wechat",
                stack.environmentOf("SessionFunction").get("WECHAT_API_BASE"));
    }

    @Test
    void reset_empties_the_tables_forgets_wechat_users_and_puts_the_clock_back_to_now() {
        LocalStack stack = SharedLocalStack.reset();
        String users = stack.resources().table("UsersTable").name();
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(stack.motoEndpoint())) {
            dynamoDb.putItem(r -> r.tableName(users).item(Map.of("pk", AttributeValue.fromS("u"), "sk", AttributeValue.fromS("x"))));
            stack.weChat().login("someone");
            stack.clock().set(Instant.parse("2019-06-25T00:00:00Z"));

            SharedLocalStack.reset();

            assertEquals(0, dynamoDb.scan(r -> r.tableName(users)).count());
            assertTrue(stack.weChat().sessionKey("someone").isEmpty());
            assertTrue(Duration.between(stack.clock().instant(), Instant.now()).abs().toMinutes() < 5);
        }
    }
}
