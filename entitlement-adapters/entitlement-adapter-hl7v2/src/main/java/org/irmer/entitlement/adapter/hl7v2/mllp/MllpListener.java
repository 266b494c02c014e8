package org.irmer.entitlement.adapter.hl7v2.mllp;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.irmer.entitlement.core.port.out.EntitlementException;

/**
 * A listener for HL7 v2 messages over MLLP, the minimal lower layer protocol (HL7 v2 MLLP release
 * 2: each message framed as {@code <VT> message <FS><CR>}, each answered on the same connection
 * before the next is read), for RIS and order-comms feeds (ARCHITECTURE.md, interoperability).
 *
 * <p>Framing rules and limits:
 *
 * <ul>
 *   <li>bytes before a start block, or between frames, are skipped up to the next {@code VT};
 *   <li>a frame larger than {@linkplain Builder#maxMessageBytes the limit} is read to its end block
 *       without being kept and answered with the handler's {@link Handler#refuse refusal} (for
 *       HL7 orders an {@code AE}), and the connection goes on with the next frame; with no refusal
 *       the connection is closed;
 *   <li>a frame cut short by a new start block, by the end of the stream or by the read timeout is
 *       never passed on as a message: it is refused the same way (a truncated message must never
 *       be read as a shorter, whole one); after the end of the stream or a timeout the connection
 *       is closed;
 *   <li>{@linkplain Builder#idleTimeout idle timeout}: a connection with no frame begun for that
 *       long is closed; {@linkplain Builder#readTimeout read timeout}: a frame must be complete
 *       within that time of its start block;
 *   <li>at most {@linkplain Builder#maxConnections a number} of connections are served at once,
 *       each on a thread of a bounded pool; a connection beyond it is closed at once;
 *   <li>the listener binds to the loopback interface unless {@linkplain Builder#bind told
 *       otherwise}, and speaks TLS when {@linkplain Builder#tls given a key store}.
 * </ul>
 *
 * <p>{@link #close()} stops accepting, lets messages being answered finish, closes connections
 * waiting between frames, and after a grace period closes the rest.
 */
public final class MllpListener implements AutoCloseable {

  private final ServerSocket server;
  private final Builder settings;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  private MllpListener(ServerSocket server, Builder settings) {
    this.server = server;
    this.settings = settings;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads = task -> {
      Thread thread = new Thread(task, "mllp-" + server.getLocalPort() + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.pool = new ThreadPoolExecutor(0, settings.maxConnections, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), threads);
    this.acceptor = new Thread(this::accept, "mllp-accept-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** A listener to build, on {@code port} (0 for any free port). */
  public static Builder on(int port) {
    checkArgument(port >= 0 && port <= 65_535, "port out of range: %s", port);
    return new Builder(port);
  }

  /** The port the listener is bound to. */
  public int port() {
    return server.getLocalPort();
  }

  /** The address the listener is bound to. */
  public InetAddress address() {
    return server.getInetAddress();
  }

  /** The connections being served now. */
  public int openConnections() {
    return connections.size();
  }

  private void accept() {
    while (!closing) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (closing) {
          return;
        }
        continue;
      }
      Connection connection = new Connection(socket, settings.handler, settings.maxMessageBytes,
          settings.idleTimeout, settings.readTimeout, settings.charset, connections::remove);
      connections.add(connection);
      try {
        pool.execute(connection);
      } catch (RejectedExecutionException e) {
        connections.remove(connection);
        connection.closeNow();
      }
    }
  }

  /** Stops accepting, finishes the replies under way, and closes every connection. */
  @Override
  public void close() {
    closing = true;
    try {
      server.close();
    } catch (IOException e) {
      // Closing a server socket that failed to close leaves nothing else to do.
    }
    connections.forEach(Connection::closeWhenIdle);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(settings.closeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        connections.forEach(Connection::closeNow);
        pool.shutdownNow();
        pool.awaitTermination(settings.closeGrace.toMillis(), TimeUnit.MILLISECONDS);
      }
      acceptor.join(settings.closeGrace.toMillis());
    } catch (InterruptedException e) {
      connections.forEach(Connection::closeNow);
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Answers the messages of every connection; called from many threads at once. */
  public interface Handler {

    /** The reply to {@code message}; a handler that throws closes the connection unanswered. */
    String reply(String message);

    /**
     * The reply to a frame that could not be read whole; empty to close the connection instead.
     *
     * @param start the frame's first bytes as text (all of it when it was cut short)
     * @param problem why the frame could not be read
     * @param detail the same in plain English, with the limit or cause
     */
    default Optional<String> refuse(String start, FrameProblem problem, String detail) {
      return Optional.empty();
    }
  }

  /** Why a frame could not be read whole. */
  public enum FrameProblem {
    /** Larger than the configured limit. */
    OVERSIZED,
    /** Cut short: a new start block, the end of the stream or the read timeout came first. */
    INCOMPLETE
  }

  /** The listener could not be started (the port is taken, the key store cannot be used). */
  public static final class MllpException extends EntitlementException {
    private static final long serialVersionUID = 1L;

    MllpException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Builds and starts a listener; the handler is required, everything else has a default. */
  public static final class Builder {
    private final int port;
    private InetAddress host = InetAddress.getLoopbackAddress();
    private Handler handler;
    private int maxMessageBytes = 1 << 20;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration closeGrace = Duration.ofSeconds(5);
    private int maxConnections = 32;
    private int backlog = 50;
    private Charset charset = StandardCharsets.UTF_8;
    private KeyStore keyStore;
    private char[] keyPassword;

    private Builder(int port) {
      this.port = port;
    }

    /** The interface to listen on; default the loopback interface. */
    public Builder bind(InetAddress host) {
      this.host = checkNotNull(host, "host");
      return this;
    }

    /** The interface to listen on, by name or address. */
    public Builder bind(String host) {
      checkNotNull(host, "host");
      try {
        return bind(InetAddress.getByName(host));
      } catch (IOException e) {
        throw new IllegalArgumentException("unknown host: " + host, e);
      }
    }

    public Builder handler(Handler handler) {
      this.handler = checkNotNull(handler, "handler");
      return this;
    }

    /** The largest message accepted, in bytes between the frame's blocks; default 1 MiB. */
    public Builder maxMessageBytes(int bytes) {
      checkArgument(bytes >= 64, "maxMessageBytes must be at least 64: %s", bytes);
      this.maxMessageBytes = bytes;
      return this;
    }

    /** How long a connection may wait for a frame to begin; default 10 minutes. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    /** How long a frame may take from its start block to its end block; default 30 seconds. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** How long {@link #close()} waits for replies under way; default 5 seconds. */
    public Builder closeGrace(Duration grace) {
      this.closeGrace = positive(grace, "closeGrace");
      return this;
    }

    /** How many connections are served at once; default 32. */
    public Builder maxConnections(int connections) {
      checkArgument(connections >= 1, "maxConnections must be at least 1: %s", connections);
      this.maxConnections = connections;
      return this;
    }

    /** The character set of messages and replies; default UTF-8. */
    public Builder charset(Charset charset) {
      this.charset = checkNotNull(charset, "charset");
      return this;
    }

    /** Speak TLS with the key and certificate in {@code keyStore}. */
    public Builder tls(KeyStore keyStore, char[] keyPassword) {
      this.keyStore = checkNotNull(keyStore, "keyStore");
      this.keyPassword = checkNotNull(keyPassword, "keyPassword").clone();
      return this;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws MllpException when the port cannot be bound or the key store cannot be used
     */
    public MllpListener start() {
      checkState(handler != null, "a handler is required");
      ServerSocket server;
      try {
        server = keyStore == null ? new ServerSocket() : tlsServer();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(host, port), backlog);
      } catch (IOException | GeneralSecurityException e) {
        throw new MllpException("cannot listen on " + host.getHostAddress() + ":" + port + ": "
            + e.getMessage(), e);
      }
      MllpListener listener = new MllpListener(server, this);
      listener.acceptor.start();
      return listener;
    }

    private ServerSocket tlsServer() throws IOException, GeneralSecurityException {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, keyPassword);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
      server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      return server;
    }

    private static Duration positive(Duration duration, String what) {
      checkNotNull(duration, what);
      checkArgument(!duration.isNegative() && !duration.isZero(), "%s must be positive", what);
      checkArgument(duration.toMillis() <= Integer.MAX_VALUE, "%s is too long", what);
      return duration;
    }
  }
}
