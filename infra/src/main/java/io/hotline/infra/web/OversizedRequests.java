package io.hotline.infra.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * A request whose line or headers exceed the server's limits never reaches Spring: Netty's decoder stops reading it,
 * and Reactor Netty would answer 414 or 431 with an empty body. This handler sits right after the HTTP codec and
 * answers those as every other refusal is answered, {@code application/problem+json} naming what was too long and
 * the limit, then closes the connection (the rest of the oversized request is never read).
 */
final class OversizedRequests extends ChannelInboundHandlerAdapter {

    static final String NAME = "hotline.oversizedRequests";
    private static final Logger log = LoggerFactory.getLogger(OversizedRequests.class);

    private final int maxLine;
    private final int maxHeaders;

    OversizedRequests(int maxLine, int maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "URI Too Long",
                        "request line: longer than " + maxLine + " bytes");
                return;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request Header Fields Too Large",
                        "headers: more than " + maxHeaders + " bytes");
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String title, String detail) {
        log.warn("Refused a request before reading it: {}", detail);
        String problem = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\"}";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(problem, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
