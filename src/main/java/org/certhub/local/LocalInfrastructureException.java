package org.certhub.local;

/** The embedded engines could not be started; the message says what to do about it. */
public class LocalInfrastructureException extends RuntimeException {

    public LocalInfrastructureException(String message) {
        super(message);
    }

    public LocalInfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
