package cloud.scaling.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections the way HTTP servers must when the client may still be sending (RFC 9112, section 9.6): the
 * answer, then a FIN, then the rest of the request read and discarded until the client closes (at most two
 * seconds), and only then the socket. Closing at once, with request bytes unread or still arriving, makes the
 * kernel answer them with a reset, and a client still writing an oversized request then loses the 414 or 431
 * sent to it. Every server-initiated close goes this way; an idle connection's close is only delayed for a
 * client that keeps sending.
 */
@Singleton
public class LingeringClose implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final long LINGER_MILLIS = 2_000;

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.LISTENER
                        ? this
                        : new NettyServerCustomizer() {
                            @Override
                            public void onInitialPipelineBuilt() {
                                install(channel);
                            }

                            @Override
                            public void onStreamPipelineBuilt() {
                                install(channel);
                            }
                        };
            }
        });
        return event.getBean();
    }

    private static void install(Channel channel) {
        if (channel.pipeline().get(Handler.class) == null) {
            channel.pipeline().addFirst("lingering-close", new Handler());
        }
    }

    /** First in the pipeline, so that it sees every close on its way to the socket. */
    static final class Handler extends ChannelDuplexHandler {

        private boolean lingering;

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            Channel channel = ctx.channel();
            if (lingering
                    || !channel.isActive()
                    || !(channel instanceof DuplexChannel duplex)
                    || duplex.isOutputShutdown()) {
                ctx.close(promise);
                return;
            }
            lingering = true;
            channel.closeFuture().addListener(closed -> promise.trySuccess());
            duplex.shutdownOutput().addListener(shutdown -> {
                if (!shutdown.isSuccess()) {
                    ctx.close();
                    return;
                }
                channel.config().setAutoRead(true);
                ctx.read();
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (lingering) {
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
