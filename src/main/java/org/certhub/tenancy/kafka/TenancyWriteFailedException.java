package org.certhub.tenancy.kafka;

/** A change of the community that Kafka did not acknowledge in time: it may or may not be stored. */
public class TenancyWriteFailedException extends RuntimeException {

    TenancyWriteFailedException(String principalId, Throwable cause) {
        super("The tenancy topic did not acknowledge the record of " + principalId, cause);
    }
}
