package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
    private static final String QUEUE_URL = "http://127.0.0.1:5000/123456789012/Work";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:Work";
    private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Items";

    private final SamTemplate template = SamTemplate.parse(String.join("\n",
            "Parameters:",
            "  Stage: {Type: String, Default: dev}",
            "Conditions:",
            "  IsDev: !Equals [!Ref Stage, dev]",
            "  IsProd: !Not [!Condition IsDev]",
            "  Both: !And [!Condition IsDev, !Equals [a, a]]",
            "  Either: !Or [!Condition IsProd, !Equals [a, b]]",
            "Mappings:",
            "  Sizes: {dev: {memory: 512}}",
            "Resources:",
            "  Items: {Type: AWS::DynamoDB::Table}",
            "  Work: {Type: AWS::SQS::Queue}",
            "  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: a.B}}"));
    private final ProvisionedResources resources = new ProvisionedResources(template);
    private final Intrinsics intrinsics;

    IntrinsicsTest() {
        resources.add(new ProvisionedResources.Table("Items", "Items", TABLE_ARN, TABLE_ARN + "/stream/1"));
        resources.add(new ProvisionedResources.Queue("Work", "Work", QUEUE_URL, QUEUE_ARN));
        intrinsics = new Intrinsics(template, Map.of("Stage", "dev"), resources);
    }

    private Object resolve(String yaml) {
        return intrinsics.resolve(CloudFormationYaml.parse("v: " + yaml).get("v"));
    }

    @Test
    void ref_of_a_table_is_its_name_and_of_a_queue_its_url() {
        assertEquals("Items", resolve("!Ref Items"));
        assertEquals(QUEUE_URL, resolve("!Ref Work"));
    }

    @Test
    void ref_of_a_parameter_is_its_local_value_and_pseudo_parameters_are_the_local_account() {
        assertEquals("dev", resolve("!Ref Stage"));
        assertEquals("us-east-1", resolve("!Ref AWS::Region"));
        assertEquals("123456789012", resolve("!Ref AWS::AccountId"));
        assertEquals(Intrinsics.STACK_NAME, resolve("!Ref AWS::StackName"));
    }

    @Test
    void get_att_gives_the_arns_names_and_urls_of_what_moto_created() {
        assertEquals(QUEUE_ARN, resolve("!GetAtt Work.Arn"));
        assertEquals("Work", resolve("!GetAtt [Work, QueueName]"));
        assertEquals(QUEUE_URL, resolve("!GetAtt Work.QueueUrl"));
        assertEquals(TABLE_ARN, resolve("!GetAtt Items.Arn"));
        assertEquals(TABLE_ARN + "/stream/1", resolve("!GetAtt Items.StreamArn"));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Fn", resolve("!GetAtt Fn.Arn"));
    }

    @Test
    void sub_replaces_pseudo_parameters_resources_attributes_and_its_own_variables() {
        assertEquals("us-east-1/Items/Work/dev/${Literal}",
                resolve("!Sub '${AWS::Region}/${Items}/${Work.QueueName}/${Stage}/${!Literal}'"));
        assertEquals("Items-x", resolve("!Sub ['${T}-${X}', {T: !Ref Items, X: x}]"));
    }

    @Test
    void join_select_split_and_find_in_map_compute_their_values() {
        assertEquals("a-Items", resolve("!Join ['-', [a, !Ref Items]]"));
        assertEquals("b", resolve("!Select [1, [a, b, c]]"));
        assertEquals(List.of("a", "b"), resolve("!Split [',', 'a,b']"));
        assertEquals("c", resolve("!Select [2, !Split [',', 'a,b,c']]"));
        assertEquals(512, resolve("!FindInMap [Sizes, !Ref Stage, memory]"));
        assertEquals("dGV4dA==", resolve("!Base64 text"));
    }

    @Test
    void if_follows_the_conditions_and_no_value_drops_the_key() {
        assertEquals("dev-value", resolve("!If [IsDev, dev-value, prod-value]"));
        assertEquals("prod-value", resolve("!If [IsProd, dev-value, prod-value]"));
        assertTrue(intrinsics.condition("Both"));
        assertFalse(intrinsics.condition("Either"));
        assertEquals(Map.of("kept", "x"), resolve("{kept: x, dropped: !If [IsDev, !Ref 'AWS::NoValue', y]}"));
    }

    @Test
    void what_the_local_stack_cannot_resolve_fails_with_a_message_naming_it() {
        IllegalArgumentException importValue = assertThrows(IllegalArgumentException.class, () -> resolve("!ImportValue x"));
        assertTrue(importValue.getMessage().contains("Fn::ImportValue"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> resolve("!Ref Nowhere"));
        assertTrue(unknown.getMessage().contains("Nowhere"));
        IllegalArgumentException attribute = assertThrows(IllegalArgumentException.class, () -> resolve("!GetAtt Work.Nope"));
        assertTrue(attribute.getMessage().contains("Work.Nope"));
    }
}
