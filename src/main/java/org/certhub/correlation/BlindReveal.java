package org.certhub.correlation;

import java.util.Objects;

import org.certhub.stix.Tlp;

/**
 * What one blind entry of an answer tells its viewer: that {@code owner} holds {@code valueType:value}
 * at a level the viewer may not see. A correlation's blind member is one, and so is a listing's
 * restricted CERT (its {@code certs} and counts tell as much). The views hand these to
 * {@link BlindMatches#disclose} before showing them.
 *
 * @param correlationId the correlation of the value: the subject of the owner's notice (the owner, a
 *     member of it, may open it)
 * @param owner the principal id of the CERT that holds the restricted member
 * @param valueType the observable type's id of the correlated value ({@code ipv4-addr}, {@code domain-name}, ...)
 * @param value the normalised value
 * @param tlp the member's level: the level of the owner's notice, which repeats the value
 */
public record BlindReveal(String correlationId, String owner, String valueType, String value, Tlp tlp) {

    public BlindReveal {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tlp, "tlp");
    }

    /** Whether this reveal is about {@code owner}'s sighting of the value (the level does not matter). */
    public boolean of(String owner, String valueType, String value) {
        return this.owner.equals(owner) && this.valueType.equals(valueType) && this.value.equals(value);
    }
}
