package io.hotline.infra.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * The sizes a request line and its headers may have, and the answer past them ({@link OversizedRequests}). The line
 * is allowed 64 KB by default, not Netty's 4 KB: an Open311 client such as FixMyStreet polls all its open reports in
 * one {@code GET requests.xml?service_request_id=a,b,c,…}, up to a thousand ids.
 */
@Component
class RequestSizeLimits implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    private final DataSize maxLine;
    private final DataSize maxHeaders;

    RequestSizeLimits(@Value("${server.netty.max-initial-line-length:64KB}") DataSize maxLine,
                      @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        int line = Math.toIntExact(maxLine.toBytes());
        int headers = Math.toIntExact(maxHeaders.toBytes());
        factory.addServerCustomizers(server -> server
                .httpRequestDecoder(decoder -> decoder.maxInitialLineLength(line).maxHeaderSize(headers))
                .doOnChannelInit((observer, channel, remote) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, OversizedRequests.NAME,
                                new OversizedRequests(line, headers));
                    }
                }));
    }
}
