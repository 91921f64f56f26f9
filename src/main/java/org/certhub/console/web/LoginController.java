package org.certhub.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page ({@code /console/login}); Spring Security handles the form's POST. */
@Controller
class LoginController {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }
}
