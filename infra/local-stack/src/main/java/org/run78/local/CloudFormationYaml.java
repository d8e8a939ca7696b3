package org.run78.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template, turning every short-form intrinsic tag (!Ref, !Sub, ...)
 * into the long JSON form ({"Ref": ...}, {"Fn::Sub": ...}) so that one resolver handles both.
 */
public final class CloudFormationYaml {
    private static final List<String> FUNCTION_TAGS = List.of(
            "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or",
            "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    public static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read template " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // CloudFormation rejects them too
        Object document = new Yaml(new IntrinsicTagConstructor(options)).load(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("a template must be a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    private static final class IntrinsicTagConstructor extends SafeConstructor {
        IntrinsicTagConstructor(LoaderOptions options) {
            super(options);
            // CloudFormation keeps dates such as 2010-09-09 as strings; SnakeYAML would make them Dates.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            for (String name : FUNCTION_TAGS) {
                yamlConstructors.put(new Tag("!" + name), new LongForm("Fn::" + name));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = key.equals("Fn::GetAtt") ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }

            // "Res.Attr.With.Dots": the logical id never has a dot, the attribute may.
            private List<String> splitGetAtt(String text) {
                int dot = text.indexOf('.');
                if (dot < 1) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got: " + text);
                }
                return List.of(text.substring(0, dot), text.substring(dot + 1));
            }
        }
    }
}
