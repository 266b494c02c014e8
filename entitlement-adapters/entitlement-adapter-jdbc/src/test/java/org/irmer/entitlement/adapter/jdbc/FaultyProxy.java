package org.irmer.entitlement.adapter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A TCP proxy on the loopback interface between the register and its database, for fault tests:
 * {@link #cut()} closes every connection through it at once and refuses new ones, as a database
 * that has become unreachable does; {@link #restore()} accepts connections again on the same port.
 * Point the JDBC URL at {@code 127.0.0.1:}{@link #port()}.
 *
 * <p>Bounded in time: connecting to the database gives up after {@link #CONNECT_TIMEOUT_MS}, and
 * {@code cut}, {@code restore} and {@code close} return without waiting on the traffic.
 */
final class FaultyProxy implements AutoCloseable {

  static final int CONNECT_TIMEOUT_MS = 2_000;

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int targetPort;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "faulty-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final int port;
  private ServerSocket listener;
  private Future<?> accepting;

  private FaultyProxy(int targetPort) {
    this.targetPort = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    this.accepting = accept(listener);
  }

  /** A proxy to the port {@code targetPort} of the loopback interface, accepting connections. */
  static FaultyProxy to(int targetPort) {
    return new FaultyProxy(targetPort);
  }

  /** The loopback port the proxy listens on, the same before and after a cut. */
  int port() {
    return port;
  }

  /**
   * Closes every connection through the proxy and refuses new ones until {@link #restore()}. Once
   * it has returned, connecting to {@link #port()} is refused.
   */
  synchronized void cut() {
    closeQuietly(listener);
    // The JDK releases the port only once the accepting thread has left accept().
    try {
      accepting.get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | CancellationException notStopped) {
      throw new IllegalStateException("the proxy did not stop listening", notStopped);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    open.forEach(FaultyProxy::closeQuietly);
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  synchronized void restore() {
    if (listener.isClosed()) {
      listener = listen(port);
      accepting = accept(listener);
    }
  }

  @Override
  public synchronized void close() {
    if (!listener.isClosed()) {
      cut();
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Listens on {@code port} (any free one for 0). The JDK closes a server socket that a thread is
   * accepting on only once that thread has left {@code accept}, so binding again just after a cut
   * is retried for up to {@link #CONNECT_TIMEOUT_MS}.
   */
  private static ServerSocket listen(int port) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS);
    while (true) {
      try {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
          socket.bind(new InetSocketAddress(LOOPBACK, port));
          return socket;
        } catch (IOException busy) {
          socket.close();
          throw busy;
        }
      } catch (IOException failure) {
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException("the proxy could not listen on port " + port, failure);
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException("interrupted while listening on port " + port, failure);
        }
      }
    }
  }

  private Future<?> accept(ServerSocket server) {
    return threads.submit(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          threads.execute(() -> connect(client));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  private void connect(Socket client) {
    Socket database = new Socket();
    open.add(client);
    open.add(database);
    try {
      database.connect(new InetSocketAddress(LOOPBACK, targetPort), CONNECT_TIMEOUT_MS);
      threads.execute(() -> pump(client, database));
      pump(database, client);
    } catch (IOException unreachable) {
      closeQuietly(client);
      closeQuietly(database);
    }
  }

  /** Copies {@code from} to {@code to} until either closes, then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (SocketException closed) {
      // Cut, or closed by the other side.
    } catch (IOException failed) {
      // The same: the connection is over either way.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception alreadyClosed) {
      // Closing is all that was asked.
    }
  }
}
