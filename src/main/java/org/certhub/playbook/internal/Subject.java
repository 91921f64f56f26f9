package org.certhub.playbook.internal;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.certhub.stix.Tlp;

/**
 * What a run is about, reduced to what triggers compare and messages may say: an incident (one
 * STIX {@code incident} object and its bundle) or a correlation. A run keeps this snapshot.
 *
 * @param kind incident or correlation
 * @param id the incident's STIX id or the correlation id
 * @param owner the submitting principal of an incident; null for a correlation
 * @param title the incident's name, or a description of the correlation
 * @param description the incident's description; empty for a correlation
 * @param tlp the level of the subject's content: an incident's effective marking; a correlation's
 *     strictest holder level (TLP:AMBER for an event without holders, schema v1)
 * @param types incident types (incident-core {@code incident_types})
 * @param severity from the incident's criticality; null when unknown or for a correlation
 * @param sectors sectors of the organisations the bundle names
 * @param countries countries involved (the CERTs' and the bundle's locations)
 * @param certs the CERTs involved (affected)
 * @param score 0 to 100
 * @param observableTypes the observable types it carries
 * @param techniques the ATT&CK technique ids it names
 * @param value the correlation's shared value (null for an incident)
 * @param holders a correlation's holders: who holds its value, at which level, and whether they carry
 *     the value itself; empty for an incident, and for a correlation event of schema v1 (the value is
 *     then visible only to the CERTs in {@code certs}). See {@link SubjectMarking}
 */
public record Subject(SubjectKind kind, String id, String owner, String title, String description, Tlp tlp,
        List<String> types, Severity severity, List<String> sectors, List<String> countries, List<String> certs,
        double score, @JsonProperty("observable_types") List<String> observableTypes, List<String> techniques,
        String value, List<Holder> holders) {

    public Subject {
        types = List.copyOf(types);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        certs = List.copyOf(certs);
        observableTypes = List.copyOf(observableTypes);
        techniques = List.copyOf(techniques);
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    /**
     * The members of one CERT at one level that hold a correlation's value.
     *
     * @param cert the CERT's principal id
     * @param tlp the level
     * @param carriesValue whether they carry the value itself (not only an address inside a network)
     */
    public record Holder(String cert, Tlp tlp, @JsonProperty("carries_value") boolean carriesValue) {
    }

    @JsonIgnore
    public Optional<String> ownerId() {
        return Optional.ofNullable(owner);
    }

    @JsonIgnore
    public Optional<Severity> severityLevel() {
        return Optional.ofNullable(severity);
    }
}
