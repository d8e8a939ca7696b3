package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    @Test
    void every_short_form_tag_becomes_its_long_form() {
        Map<String, Object> doc = CloudFormationYaml.parse(String.join("\n",
                "a: !Ref Table",
                "b: !GetAtt Queue.Arn",
                "c: !GetAtt [Queue, QueueName]",
                "d: !Sub '${AWS::Region}-x'",
                "e: !Sub ['${A}', {A: !Ref Table}]",
                "f: !Join ['-', [x, !Ref Table]]",
                "g: !Select [0, !GetAZs '']",
                "h: !Split [',', 'a,b']",
                "i: !If [IsProd, 1, 2]",
                "j: !Equals [a, b]",
                "k: !Not [!Condition IsProd]",
                "l: !And [!Condition A, !Condition B]",
                "m: !Or [!Condition A, !Condition B]",
                "n: !FindInMap [M, k1, k2]",
                "o: !Base64 text",
                "p: !Cidr [10.0.0.0/16, 2, 8]",
                "q: !ImportValue shared-thing"));
        assertEquals(Map.of("Ref", "Table"), doc.get("a"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "Arn")), doc.get("b"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")), doc.get("c"));
        assertEquals(Map.of("Fn::Sub", "${AWS::Region}-x"), doc.get("d"));
        assertEquals(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "Table")))), doc.get("e"));
        assertEquals(Map.of("Fn::Join", List.of("-", List.of("x", Map.of("Ref", "Table")))), doc.get("f"));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))), doc.get("g"));
        assertEquals(Map.of("Fn::Split", List.of(",", "a,b")), doc.get("h"));
        assertEquals(Map.of("Fn::If", List.of("IsProd", 1, 2)), doc.get("i"));
        assertEquals(Map.of("Fn::Equals", List.of("a", "b")), doc.get("j"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))), doc.get("k"));
        assertEquals(Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))), doc.get("l"));
        assertEquals(Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))), doc.get("m"));
        assertEquals(Map.of("Fn::FindInMap", List.of("M", "k1", "k2")), doc.get("n"));
        assertEquals(Map.of("Fn::Base64", "text"), doc.get("o"));
        assertEquals(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 2, 8)), doc.get("p"));
        assertEquals(Map.of("Fn::ImportValue", "shared-thing"), doc.get("q"));
    }

    @Test
    void a_get_att_attribute_may_contain_dots() {
        Map<String, Object> doc = CloudFormationYaml.parse("a: !GetAtt Db.Endpoint.Address");
        assertEquals(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")), doc.get("a"));
    }

    @Test
    void dates_stay_strings_as_cloudformation_reads_them() {
        Map<String, Object> doc = CloudFormationYaml.parse("AWSTemplateFormatVersion: 2010-09-09");
        assertEquals("2010-09-09", doc.get("AWSTemplateFormatVersion"));
    }

    @Test
    void a_duplicate_key_is_refused_as_cloudformation_refuses_it() {
        assertThrows(RuntimeException.class, () -> CloudFormationYaml.parse("a: 1\na: 2"));
    }

    @Test
    void globals_merge_into_each_function_with_the_function_winning() {
        SamTemplate template = SamTemplate.parse(String.join("\n",
                "Globals:",
                "  Function:",
                "    Timeout: 10",
                "    MemorySize: 512",
                "    Layers: [global-layer]",
                "    Environment:",
                "      Variables:",
                "        TABLE: !Ref Table",
                "        MODE: global",
                "Resources:",
                "  Fn:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Handler: a.B::handleRequest",
                "      Timeout: 30",
                "      Layers: [own-layer]",
                "      Environment:",
                "        Variables:",
                "          MODE: own",
                "          EXTRA: x"));
        ServerlessFunction fn = template.functions().get(0);
        assertEquals(30, fn.properties().get("Timeout"));
        assertEquals(512, fn.properties().get("MemorySize"));
        assertEquals(List.of("global-layer", "own-layer"), fn.properties().get("Layers"));
        assertEquals(Map.of("TABLE", Map.of("Ref", "Table"), "MODE", "own", "EXTRA", "x"), fn.environmentVariables());
        assertEquals("a.B", fn.handlerClassName());
    }

    @Test
    void a_function_of_its_own_intrinsic_replaces_a_global_one_rather_than_merging_with_it() {
        SamTemplate template = SamTemplate.parse(String.join("\n",
                "Globals: {Function: {Environment: {Variables: {T: !Ref A}}}}",
                "Resources:",
                "  Fn: {Type: AWS::Serverless::Function, Properties: {Handler: x.Y, Environment: {Variables: {T: !Ref B}}}}"));
        assertEquals(Map.of("T", Map.of("Ref", "B")), template.functions().get(0).environmentVariables());
    }

    @Test
    void the_project_template_reads_with_every_function_a_handler_class_and_its_events() {
        SamTemplate template = SamTemplate.load(ProjectTemplate.find());
        assertFalse(template.functions().isEmpty());
        for (ServerlessFunction fn : template.functions()) {
            assertTrue(fn.handlerClassName().startsWith("org.run78.handlers."), fn.logicalId());
            assertTrue(fn.properties().containsKey("Timeout"), fn.logicalId() + " has a Timeout, its own or from Globals");
        }
        assertTrue(template.parameters().containsKey("WeChatAppId"));
        assertEquals("AWS::DynamoDB::Table", template.resources().get("LedgerTable").type());
    }
}
