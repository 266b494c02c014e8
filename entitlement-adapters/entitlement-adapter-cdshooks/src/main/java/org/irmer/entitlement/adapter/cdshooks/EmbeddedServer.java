package org.irmer.entitlement.adapter.cdshooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Handler;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Request;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Response;

/**
 * The JDK's own HTTP server ({@code com.sun.net.httpserver}, HTTPS when given a TLS context) in
 * front of a {@link Handler}: it only copies requests and answers across, reading a body no
 * further than the size cap (413 past it, without reading the rest).
 *
 * <p>The JDK server's time limits are process-wide system properties, read once when its first
 * server starts: {@code sun.net.httpserver.maxReqTime} and {@code maxRspTime} (seconds). Unless
 * the application has set them, the first embedded service sets them from its request timeout, so
 * a client that sends its request or reads its answer too slowly has its connection closed. It
 * also sets {@code sun.net.httpserver.nodelay} (TCP_NODELAY): without it, Nagle's algorithm and
 * delayed acknowledgements hold each answer on a kept-alive connection for tens of milliseconds.
 */
final class EmbeddedServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;

  private EmbeddedServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  static void limitRequestTime(Duration timeout) {
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", seconds);
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", seconds);
    }
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Binds {@code address} (TLS with {@code tls}) without serving yet. */
  static EmbeddedServer bind(InetSocketAddress address, Optional<SSLContext> tls, int threadCount)
      throws IOException {
    HttpServer server;
    if (tls.isPresent()) {
      HttpsServer https = HttpsServer.create(address, 256);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
      server = https;
    } else {
      server = HttpServer.create(address, 256);
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "cds-hooks-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ExecutorService threads = Executors.newFixedThreadPool(threadCount, factory);
    server.setExecutor(threads);
    return new EmbeddedServer(server, threads);
  }

  int port() {
    return server.getAddress().getPort();
  }

  void serve(Handler handler, int maxRequestBytes) {
    server.createContext("/", exchange -> exchange(exchange, handler, maxRequestBytes));
    server.start();
  }

  private static void exchange(HttpExchange exchange, Handler handler, int maxRequestBytes)
      throws IOException {
    try (exchange) {
      Response response;
      long declared = declaredLength(exchange);
      if (declared > maxRequestBytes) {
        response = tooLarge(maxRequestBytes);
      } else {
        byte[] body = read(exchange.getRequestBody(), maxRequestBytes + 1);
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        response = body.length > maxRequestBytes ? tooLarge(maxRequestBytes)
            : handler.handle(new Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), headers, body));
      }
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static Response tooLarge(int maxRequestBytes) {
    byte[] body = ("{\"error\":\"too-large\",\"field\":\"$\",\"message\":\"the request body is larger than "
        + maxRequestBytes + " bytes\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new Response(413, Map.of("Content-Type", "application/json", "Connection", "close"), body);
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException unreadable) {
      return Long.MAX_VALUE;
    }
  }

  /** At most {@code limit} bytes of {@code in}. */
  private static byte[] read(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while (total < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - total))) > 0) {
      body.write(buffer, 0, n);
      total += n;
    }
    return body.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
