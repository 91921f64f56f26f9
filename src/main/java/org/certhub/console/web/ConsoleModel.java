package org.certhub.console.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.certhub.web.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's header needs (who is signed in, the page's own path for the language
 * switch), and the console's answer to a refused request: a page, not problem+json, before the API's
 * handler sees it.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

    private final Viewers viewers;

    ConsoleModel(Viewers viewers) {
        this.viewers = viewers;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return viewers.current().orElse(null);
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refused.problem().getStatus());
        model.addAttribute("viewer", viewer());
        model.addAttribute("here", here(request));
        model.addAttribute("problem", refused.problem());
        return "console/problem";
    }
}
