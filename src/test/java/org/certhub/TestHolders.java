package org.certhub;

import java.util.Arrays;
import java.util.List;

import org.certhub.correlation.CorrelationFound;
import org.certhub.stix.Tlp;

/** Holders of a correlated value, for tests that publish {@code CorrelationFound} events themselves. */
public final class TestHolders {

    private TestHolders() {
    }

    /** Each CERT holds the value itself at TLP:GREEN. */
    public static List<CorrelationFound.Holder> green(String... certs) {
        return Arrays.stream(certs).map(cert -> new CorrelationFound.Holder(cert, Tlp.GREEN.label(), true)).toList();
    }
}
