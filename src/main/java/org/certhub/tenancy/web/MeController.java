package org.certhub.tenancy.web;

import org.certhub.tenancy.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the hub sees it: the quickest check that a key works. */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    PrincipalJson me(@AuthenticationPrincipal Principal principal) {
        return PrincipalJson.of(principal);
    }
}
