package org.certhub.search;

import java.util.List;
import java.util.Optional;

/** One page of objects, newest first, with the cursor of the next page when there is one. */
public record ObjectPage(List<StoredObject> objects, Optional<String> next) {
}
