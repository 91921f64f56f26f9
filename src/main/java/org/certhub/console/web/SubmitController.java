package org.certhub.console.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.certhub.intake.BundleReader;
import org.certhub.intake.BundleSubmissions;
import org.certhub.intake.SubmissionStatus;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.Principal;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code GET/POST /console/submit}: a STIX bundle uploaded or pasted, checked and accepted exactly as
 * {@code POST /api/v1/bundles} would for the viewer's CERT; a refused bundle comes back with each
 * error at the object and field it concerns.
 */
@Controller
class SubmitController {

    private final Viewers viewers;
    private final BundleReader reader;
    private final BundleSubmissions submissions;
    private final Community community;

    SubmitController(Viewers viewers, BundleReader reader, BundleSubmissions submissions, Community community) {
        this.viewers = viewers;
        this.reader = reader;
        this.submissions = submissions;
        this.community = community;
    }

    @GetMapping("/console/submit")
    String form() {
        return "console/submit";
    }

    @PostMapping("/console/submit")
    String submit(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String bundle,
            Model model) throws IOException {
        Principal principal = viewers.require().principal();
        byte[] body = file != null && !file.isEmpty() ? file.getBytes()
                : (bundle == null ? "" : bundle).getBytes(StandardCharsets.UTF_8);
        model.addAttribute("bundle", new String(body, StandardCharsets.UTF_8));
        BundleSubmissions.Submitter submitter = new BundleSubmissions.Submitter(principal.id(), principal.identityId(),
                principal.defaultTlp(), identity -> community.findByIdentity(identity)
                        .filter(other -> !other.id().equals(principal.id())).isPresent());
        try {
            SubmissionStatus status = submissions.submit(submitter, reader.read(new ByteArrayInputStream(body), body.length));
            model.addAttribute("accepted", status);
        } catch (ProblemException refused) {
            model.addAttribute("problem", refused.problem());
            model.addAttribute("fieldErrors", FieldErrors.of(errors(refused), body));
        }
        return "console/submit";
    }

    @SuppressWarnings("unchecked")
    private static List<ProblemError> errors(ProblemException refused) {
        Object errors = refused.problem().getProperties() == null ? null : refused.problem().getProperties().get("errors");
        return errors instanceof List<?> list ? (List<ProblemError>) list : List.of();
    }
}
