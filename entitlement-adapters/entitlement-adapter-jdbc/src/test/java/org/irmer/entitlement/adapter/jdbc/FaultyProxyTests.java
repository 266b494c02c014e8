package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault tests' proxy, against an echo server on the loopback interface: it forwards both ways;
 * a cut ends the connections through it and refuses new ones; a restore accepts them again on the
 * same port. Each test is bounded in time.
 */
class FaultyProxyTests {

  private static final Duration LIMIT = Duration.ofSeconds(10);

  private final ServerSocket echo = echoServer();
  private final FaultyProxy proxy = FaultyProxy.to(echo.getLocalPort());

  @AfterEach
  void close() throws IOException {
    proxy.close();
    echo.close();
  }

  private static ServerSocket echoServer() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread thread = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            Thread pump = new Thread(() -> {
              try (socket; InputStream in = socket.getInputStream();
                  OutputStream out = socket.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException over) {
                // The client went away.
              }
            });
            pump.setDaemon(true);
            pump.start();
          } catch (IOException closed) {
            return;
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
      return server;
    } catch (IOException failure) {
      throw new AssertionError("no echo server", failure);
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout((int) LIMIT.toMillis());
    return socket;
  }

  private static String roundTrip(Socket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
  }

  @Test
  void forwardsBothWays() {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (Socket socket = connect()) {
        assertThat(roundTrip(socket, "SELECT 1")).isEqualTo("SELECT 1");
      }
    });
  }

  @Test
  void aCutEndsEveryConnectionAndRefusesNewOnes() {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (Socket socket = connect()) {
        roundTrip(socket, "before");

        proxy.cut();

        assertThat(endOfStreamOrReset(socket)).isTrue();
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
      }
    });
  }

  @Test
  void aRestoreAcceptsConnectionsAgainOnTheSamePort() {
    assertTimeoutPreemptively(LIMIT, () -> {
      int port = proxy.port();
      proxy.cut();

      proxy.restore();

      assertThat(proxy.port()).isEqualTo(port);
      try (Socket socket = connect()) {
        assertThat(roundTrip(socket, "after")).isEqualTo("after");
      }
    });
  }

  /** Whether reading {@code socket} finds it ended: end of stream, or reset by the proxy. */
  private static boolean endOfStreamOrReset(Socket socket) {
    try {
      return socket.getInputStream().read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }
}
