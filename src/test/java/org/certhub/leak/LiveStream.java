package org.certhub.leak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One open {@code GET /api/v1/stream} of a viewer, read in a thread of its own until closed. */
final class LiveStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final StringBuffer text = new StringBuffer();
    private final InputStream body;
    private final Thread reader;
    private final int status;

    private LiveStream(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        text.append(response.statusCode()).append('\n').append(response.headers().map()).append('\n');
        reader = new Thread(this::read, "leak-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(String base, String apiKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream"))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "text/event-stream").GET().build();
        try {
            return new LiveStream(HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("stream not opened", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stream not opened", e);
        }
    }

    int status() {
        return status;
    }

    /** Everything read so far: the status, the headers and every event. */
    String text() {
        return text.toString();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                text.append(line).append('\n');
            }
        } catch (IOException closed) {
            // closed by the test once the pipeline settled
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // the stream is done with either way
        }
        reader.interrupt();
    }
}
