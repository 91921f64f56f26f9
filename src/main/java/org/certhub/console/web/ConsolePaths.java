package org.certhub.console.web;

/** Where a console form may send the browser back to: only a path of the console itself (no open redirect). */
final class ConsolePaths {

    private ConsolePaths() {
    }

    static String sameConsole(String path) {
        boolean local = path != null && path.startsWith("/console") && !path.startsWith("//")
                && path.chars().noneMatch(c -> c == '\\' || c < 0x20);
        return local ? path : "/console";
    }
}
