package org.run78.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM's Globals rules: maps merge key by key (the resource wins), lists are concatenated
 * (globals first), any other value of the resource replaces the global one.
 */
final class SamGlobals {
    private SamGlobals() {
    }

    static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> resource) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        resource.forEach((key, value) -> merged.merge(key, value, SamGlobals::mergeValue));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object global, Object local) {
        // An intrinsic ({"Ref": ...}) is a value, not a map to merge into.
        if (global instanceof Map && local instanceof Map && !Intrinsics.isIntrinsic(global)
                && !Intrinsics.isIntrinsic(local)) {
            return merge((Map<String, Object>) global, (Map<String, Object>) local);
        }
        if (global instanceof List && local instanceof List) {
            List<Object> both = new ArrayList<>((List<Object>) global);
            both.addAll((List<Object>) local);
            return both;
        }
        return local;
    }
}
