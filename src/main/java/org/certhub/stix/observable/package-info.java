/**
 * Observable values of STIX 2.1 objects, normalised so that one value written two ways compares
 * equal: {@link org.certhub.stix.observable.ObservableExtractor} finds them in objects and
 * indicator patterns, {@link org.certhub.stix.observable.Normalization} writes each type's canonical
 * form. Plain Java, no Spring.
 */
package org.certhub.stix.observable;
