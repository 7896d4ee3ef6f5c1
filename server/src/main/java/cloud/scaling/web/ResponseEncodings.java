package cloud.scaling.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * Keeps response compression to what the spec promises: gzip when the request's {@code Accept-Encoding} accepts
 * it (by name or through {@code *}), else none. Micronaut chooses the coding itself and, for {@code *}, prefers
 * snappy (framed), which ordinary HTTP clients cannot read; so before Micronaut reads a request, its
 * {@code Accept-Encoding} is reduced to {@code gzip} or removed.
 */
@Singleton
public class ResponseEncodings implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String GZIP = "gzip";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null));
        return event.getBean();
    }

    /**
     * The weight the header gives gzip: its own entry's (also as {@code x-gzip}), else that of {@code *}, else 0.
     * Malformed weights count as 0, i.e. as a refusal.
     */
    static float gzipWeight(List<String> acceptEncoding) {
        Float gzip = null;
        Float any = null;
        for (String header : acceptEncoding) {
            for (String entry : header.split(",")) {
                String[] parts = entry.split(";");
                String coding = parts[0].trim().toLowerCase(Locale.ROOT);
                float weight = weight(parts);
                if (coding.equals(GZIP) || coding.equals("x-gzip")) {
                    gzip = gzip == null ? weight : Math.max(gzip, weight);
                } else if (coding.equals("*")) {
                    any = weight;
                }
            }
        }
        return gzip != null ? gzip : any != null ? any : 0f;
    }

    private static float weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    float q = Float.parseFloat(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0f;
                } catch (NumberFormatException e) {
                    return 0f;
                }
            }
        }
        return 1f;
    }

    /** Puts {@link RestrictToGzip} in front of Micronaut's handler on every HTTP stream. */
    private record PerChannel(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                channel.pipeline()
                        .addBefore(
                                ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND,
                                "scaling-response-encodings",
                                RestrictToGzip.INSTANCE);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class RestrictToGzip extends ChannelInboundHandlerAdapter {

        static final RestrictToGzip INSTANCE = new RestrictToGzip();

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                List<String> acceptEncoding = request.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING);
                if (!acceptEncoding.isEmpty()) {
                    if (gzipWeight(acceptEncoding) > 0) {
                        request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, GZIP);
                    } else {
                        request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
                    }
                }
            }
            context.fireChannelRead(message);
        }
    }
}
