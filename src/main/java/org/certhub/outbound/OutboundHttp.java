package org.certhub.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs to targets the {@link TargetPolicy} allows, and to nothing else: every new connection
 * resolves the host through the policy, which checks every address and hands the client only
 * those, so the client connects to exactly what was checked (a name that turned to an internal
 * address since it was saved is refused, not called). No redirect is followed (a redirect could lead
 * anywhere), no proxy is taken from the environment, nothing is retried here (the callers classify
 * and retry with back-off).
 */
public final class OutboundHttp implements AutoCloseable {

    private final TargetPolicy policy;
    private final CloseableHttpClient client;

    OutboundHttp(TargetPolicy policy, Duration connectTimeout) {
        this.policy = policy;
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(4)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * POSTs {@code body} and answers the status; the response body is read and dropped.
     *
     * @param timeout how long to wait for the answer (between bytes)
     * @throws RefusedTargetException when the policy refuses the target now: permanent
     * @throws IOException when the target cannot be reached or does not answer in time: worth retrying
     */
    public int post(URI url, String contentType, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        Optional<Refusal> refused = policy.refusal(url);
        if (refused.isPresent() && !refused.get().rule().equals("resolvable-host")) {
            throw new RefusedTargetException(refused.get());
        }
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        // As given: receivers may compare the media type as text (ContentType would respell its parameters).
        post.setHeader("Content-Type", contentType);
        post.setEntity(new ByteArrayEntity(body, null));
        post.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout)).setRedirectsEnabled(false).build());
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
