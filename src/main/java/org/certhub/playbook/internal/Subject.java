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
 * @param tlp the level of the subject's content (an incident's effective marking; a correlation's
 *     shared value counts as TLP:AMBER among the CERTs that reported it)
 * @param types incident types (incident-core {@code incident_types})
 * @param severity from the incident's criticality; null when unknown or for a correlation
 * @param sectors sectors of the organisations the bundle names
 * @param countries countries involved (the CERTs' and the bundle's locations)
 * @param certs the CERTs involved (affected)
 * @param score 0 to 100
 * @param observableTypes the observable types it carries
 * @param techniques the ATT&CK technique ids it names
 * @param value the correlation's shared value (null for an incident)
 */
public record Subject(SubjectKind kind, String id, String owner, String title, String description, Tlp tlp,
        List<String> types, Severity severity, List<String> sectors, List<String> countries, List<String> certs,
        double score, @JsonProperty("observable_types") List<String> observableTypes, List<String> techniques,
        String value) {

    public Subject {
        types = List.copyOf(types);
        sectors = List.copyOf(sectors);
        countries = List.copyOf(countries);
        certs = List.copyOf(certs);
        observableTypes = List.copyOf(observableTypes);
        techniques = List.copyOf(techniques);
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
