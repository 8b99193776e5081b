package org.studyloop.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The cluster as the adapter sends to it: the client, and the cluster's address and index to name
 * in every error. A cluster that cannot be reached gives an {@link UncheckedIOException}, and a
 * request it refuses an {@link IllegalStateException}, each saying what was being done; the
 * indexer logs them, and the next start reconciles.
 */
final class Cluster implements AutoCloseable {

    private final OpenSearchClient client;
    private final String where;
    private final String index;

    /**
     * @param where the cluster's address without credentials, for messages
     * @param index the passages' index, for messages
     */
    Cluster(OpenSearchClient client, String where, String index) {
        this.client = client;
        this.where = where;
        this.index = index;
    }

    /**
     * The cluster at the URL, for example {@code http://localhost:9200} or {@code
     * https://user:password@search.example.org:9200}: credentials in the URL are sent by HTTP basic
     * authentication, and a path is kept as a prefix (a cluster behind a proxy). Over HTTPS the
     * cluster's certificate must be one the JVM trusts. Nothing is sent until the first request.
     */
    static Cluster at(String url, String index) {
        var uri = URI.create(url.strip());
        return new Cluster(client(uri), withoutCredentials(uri), index);
    }

    /** A client of the cluster at the URL (see {@link #at}). */
    static OpenSearchClient client(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the OpenSearch URL must look like http://host:9200, not " + withoutCredentials(uri));
        }
        var host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        var builder = ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper());
        var path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            builder.setPathPrefix(path);
        }
        var userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            var colon = userInfo.indexOf(':');
            var user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            var password = colon < 0 ? "" : userInfo.substring(colon + 1);
            var credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    new AuthScope(host), new UsernamePasswordCredentials(user, password.toCharArray()));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new OpenSearchClient(builder.build());
    }

    /** The URL as it may be logged: without the user and password. */
    static String withoutCredentials(URI uri) {
        if (uri.getUserInfo() == null) {
            return uri.toString();
        }
        var authority = uri.getRawAuthority();
        return uri.toString().replace(authority, authority.substring(authority.indexOf('@') + 1));
    }

    /** The cluster's address without credentials. */
    String where() {
        return where;
    }

    /** One request through the client. */
    interface Request<T> {
        T send(OpenSearchClient client) throws IOException;
    }

    /**
     * Sends a request, turning a failure into an exception that says where and what.
     *
     * @param what what the request does, as in "cannot <what>"
     */
    <T> T call(String what, Request<T> request) {
        try {
            return request.send(client);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot %s: OpenSearch at %s (index %s) did not answer: %s".formatted(what, where, index, e), e);
        } catch (OpenSearchException e) {
            throw new IllegalStateException(
                    "cannot %s: OpenSearch at %s (index %s) refused: %s".formatted(what, where, index, e.getMessage()),
                    e);
        }
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the connection to OpenSearch at " + where, e);
        }
    }
}
