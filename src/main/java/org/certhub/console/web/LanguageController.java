package org.certhub.console.web;

import org.certhub.tenancy.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code POST /console/language}: the signed-in person's interface language, kept with their account. */
@Controller
class LanguageController {

    private final Viewers viewers;
    private final UserAccounts users;

    LanguageController(Viewers viewers, UserAccounts users) {
        this.viewers = viewers;
        this.users = users;
    }

    @PostMapping("/console/language")
    String change(@RequestParam String lang, @RequestParam(defaultValue = "/console") String back) {
        if (ConsoleLocaleResolver.supported(lang)) {
            users.changeLanguage(viewers.require().account().username(), lang);
        }
        return "redirect:" + ConsolePaths.sameConsole(back);
    }
}
