package org.certhub.outbound;

import java.net.UnknownHostException;

/**
 * A send refused because the target (as resolved now) is one the policy forbids: permanent, trying
 * again will not help. An {@link UnknownHostException} so that it can leave the HTTP client's resolver.
 */
public final class RefusedTargetException extends UnknownHostException {

    private final transient Refusal refusal;

    RefusedTargetException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
