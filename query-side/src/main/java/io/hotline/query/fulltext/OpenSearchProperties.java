package io.hotline.query.fulltext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URISyntaxException;

/**
 * Where the OpenSearch cluster is, for {@code app.query.fulltext.engine: opensearch}
 * ({@code app.query.fulltext.opensearch.*}; unused with the default engine, Lucene on this node's disk).
 *
 * @param url      the cluster's HTTP address, {@code http://host:9200} or {@code https://…}
 * @param index    the name of the deployment's case index (the layout of its documents is appended, so a version
 *                 that indexes differently fills an index of its own); one per deployment
 * @param username HTTP basic user, blank for none
 * @param password its password
 */
@ConfigurationProperties("app.query.fulltext.opensearch")
public record OpenSearchProperties(@DefaultValue("http://localhost:9200") String url,
                                   @DefaultValue("hotline-cases") String index,
                                   @DefaultValue("") String username,
                                   @DefaultValue("") String password) {

    /** A client for the cluster at {@code url}: the official Java client over Apache HttpClient 5. */
    public OpenSearchClient client() {
        try {
            HttpHost host = HttpHost.create(url);
            ApacheHttpClient5TransportBuilder transport = ApacheHttpClient5TransportBuilder.builder(host)
                    .setMapper(new JacksonJsonpMapper());
            if (!username.isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(host),
                        new UsernamePasswordCredentials(username, password.toCharArray()));
                transport.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
            }
            return new OpenSearchClient(transport.build());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("app.query.fulltext.opensearch.url: not a URL: " + url, e);
        }
    }
}
