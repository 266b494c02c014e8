package org.irmer.entitlement.adapter.cdshooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on loopback answering fixed JSON documents by path, as a client's FHIR
 * server or JWK Set URL would; it keeps every request's path and Authorization header.
 */
final class Loopback implements AutoCloseable {

  /** What one request asked: its path and Authorization header (or "" when it had none). */
  record Asked(String path, String authorization) {}

  private final HttpServer server;
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  final List<Asked> asked = new CopyOnWriteArrayList<>();
  volatile String requiredToken;

  Loopback() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      asked.add(new Asked(path, authorization));
      String document = documents.get(path);
      int status = document == null ? 404 : 200;
      if (requiredToken != null && !authorization.equals("Bearer " + requiredToken)) {
        status = 401;
        document = null;
      }
      byte[] body = (document == null ? "{\"resourceType\":\"OperationOutcome\"}" : document)
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  Loopback serve(String path, String document) {
    documents.put(path, document);
    return this;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
