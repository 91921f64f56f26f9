package org.certhub.stix.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The STIX 2.1 object types known to the validator. */
final class TypeRegistry {

    private static final Map<String, TypeSpec> SPECS = build();

    private TypeRegistry() {
    }

    static Optional<TypeSpec> find(String type) {
        return Optional.ofNullable(SPECS.get(type));
    }

    /** @return the kind of a type name; {@link Kind#CUSTOM} for types the specification does not define */
    static Kind kindOf(String type) {
        TypeSpec spec = SPECS.get(type);
        if (spec != null) {
            return spec.kind();
        }
        return type.equals("bundle") ? Kind.META : Kind.CUSTOM;
    }

    private static Map<String, TypeSpec> build() {
        Map<String, TypeSpec> specs = new HashMap<>();
        for (List<TypeSpec> group : List.of(ThreatSdoTypes.all(), ReportingSdoTypes.all(), SroTypes.all(),
                NetworkScoTypes.all(), HostScoTypes.all(), MetaTypes.all())) {
            for (TypeSpec spec : group) {
                specs.put(spec.type(), spec);
            }
        }
        return Map.copyOf(specs);
    }
}
