package org.keepalive4j.check.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts and whose accept queue is full: Linux then drops further
 * SYNs, so a connect to it hangs until the client gives up. The one way to get a connect timeout
 * without leaving 127.0.0.1.
 */
final class FullBacklogListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<SocketChannel> fillers = new ArrayList<>();

    FullBacklogListener() throws IOException, InterruptedException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        for (int i = 0; i < 3; i++) {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.connect(at);
            fillers.add(c);
        }
        Thread.sleep(200); // let the kernel queue the first ones
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel c : fillers) {
            c.close();
        }
        server.close();
    }
}
