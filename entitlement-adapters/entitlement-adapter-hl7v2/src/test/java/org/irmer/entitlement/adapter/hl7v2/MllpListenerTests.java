package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.adapter.hl7v2.Messages.field;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.segments;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.irmer.entitlement.adapter.hl7v2.mllp.MllpListener;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLLP listener driven by HAPI's own MLLP client and by raw sockets: framing across reads,
 * garbage, oversized and broken frames, timeouts, many connections, TLS, and closing.
 */
class MllpListenerTests {

  private final Register ports = Trust.inMemory();
  private final EntitlementRegister register =
      EntitlementRegister.over(ports).clock(Fixtures.CLOCK).open();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());
  private final List<MllpListener> listeners = new ArrayList<>();

  @AfterEach
  void close() {
    listeners.forEach(MllpListener::close);
    register.close();
  }

  private MllpListener start(MllpListener.Builder builder) {
    MllpListener listener = builder.handler(orders.mllpHandler()).start();
    listeners.add(listener);
    return listener;
  }

  private MllpListener start() {
    return start(MllpListener.on(0));
  }

  private static String msa(String reply, int field) {
    return field(segments(reply, "MSA").get(0), field);
  }

  @Test
  void hapisOwnClientGetsTheReply() throws Exception {
    MllpListener listener = start();
    try (HapiContext context = new DefaultHapiContext()) {
      Connection connection = context.newClient("localhost", listener.port(), false);
      Message reply = connection.getInitiator().sendAndReceive(
          context.getPipeParser().parse(load("orm-o01-2.5.1.hl7")));
      connection.close();

      Terser terser = new Terser(reply);
      assertThat(terser.get("/MSA-1")).isEqualTo("AA");
      assertThat(terser.get("/MSA-2")).isEqualTo("ORM-251");
    }
  }

  @Test
  void hapisClientGetsARefusalAsAnAr() throws Exception {
    MllpListener listener = start();
    try (HapiContext context = new DefaultHapiContext()) {
      Connection connection = context.newClient("localhost", listener.port(), false);
      Message reply = connection.getInitiator().sendAndReceive(context.getPipeParser().parse(
          set(load("orm-o01-2.3.hl7"), "OBR", 4, "XKNER^X-ray knee right^NICIP")));
      connection.close();

      assertThat(new Terser(reply).get("/MSA-1")).isEqualTo("AR");
    }
  }

  @Test
  void theListenerBindsToLoopbackUnlessTold() {
    assertThat(start().address().isLoopbackAddress()).isTrue();
  }

  @Test
  void aFrameSplitAcrossManyWritesIsOneMessage() throws Exception {
    MllpListener listener = start();
    try (MllpClient client = new MllpClient(listener.port())) {
      byte[] framed = MllpClient.frame(load("orm-o01-2.4.hl7"));
      for (byte b : framed) {
        client.write(new byte[] {b});
      }

      assertThat(msa(client.reply(), 1)).isEqualTo("AA");
    }
  }

  @Test
  void twoFramesInOneWriteGetTwoReplies() throws Exception {
    MllpListener listener = start();
    try (MllpClient client = new MllpClient(listener.port())) {
      byte[] first = MllpClient.frame(load("orm-o01-2.4.hl7"));
      byte[] second = MllpClient.frame(load("orm-o01-2.5.hl7"));
      byte[] both = new byte[first.length + second.length];
      System.arraycopy(first, 0, both, 0, first.length);
      System.arraycopy(second, 0, both, first.length, second.length);
      client.write(both);

      assertThat(msa(client.reply(), 2)).isEqualTo("ORM-24");
      assertThat(msa(client.reply(), 2)).isEqualTo("ORM-25");
    }
  }

  @Test
  void garbageBeforeAndBetweenFramesIsSkipped() throws Exception {
    MllpListener listener = start();
    try (MllpClient client = new MllpClient(listener.port())) {
      client.write("GET / HTTP/1.1\r\n\r\nMSH|^~\\&|no start block\r");
      assertThat(msa(client.send(load("orm-o01-2.4.hl7")), 1)).isEqualTo("AA");
      client.write(new byte[] {0x1c, 0x0d, 'x', 'y', 0x00});
      assertThat(msa(client.send(load("orm-o01-2.5.hl7")), 1)).isEqualTo("AA");
    }
  }

  @Test
  void anOversizedFrameIsAnsweredWithAnAeAndTheConnectionGoesOn() throws Exception {
    MllpListener listener = start(MllpListener.on(0).maxMessageBytes(2_000));
    long before = ports.auditTrail().size();
    try (MllpClient client = new MllpClient(listener.port())) {
      String large = set(load("orm-o01-2.5.1.hl7"), "OBR", 13, "x".repeat(10_000));

      String refusal = client.send(large);

      assertThat(msa(refusal, 1)).isEqualTo("AE");
      assertThat(msa(refusal, 2)).isEqualTo("ORM-251");
      assertThat(field(segments(refusal, "ERR").get(0), 8)).contains("larger than the limit of 2000");
      assertThat(msa(client.send(load("orm-o01-2.5.1.hl7")), 1)).isEqualTo("AA");
    }
    assertThat(ports.auditTrail().read(before + 1, 10)).extracting(e -> e.event().action())
        .contains("unreadable-message");
  }

  @Test
  void aFrameWithoutItsEndBlockIsRefusedAndTheNextFrameIsRead() throws Exception {
    MllpListener listener = start();
    try (MllpClient client = new MllpClient(listener.port())) {
      String whole = load("orm-o01-2.5.hl7");
      byte[] cut = java.util.Arrays.copyOf(MllpClient.frame(whole), 200);
      client.write(cut);
      client.write(MllpClient.frame(load("orm-o01-2.4.hl7")));

      String first = client.reply();
      String second = client.reply();

      assertThat(msa(first, 1)).isEqualTo("AE");
      assertThat(msa(first, 2)).isEqualTo("ORM-25");
      assertThat(msa(second, 1)).isEqualTo("AA");
      assertThat(msa(second, 2)).isEqualTo("ORM-24");
    }
  }

  @Test
  void aClientThatStopsMidFrameGetsAnAeNeverAnAcceptance() throws Exception {
    MllpListener listener = start();
    try (MllpClient client = new MllpClient(listener.port())) {
      byte[] framed = MllpClient.frame(load("orm-o01-2.5.hl7"));
      client.write(java.util.Arrays.copyOf(framed, framed.length - 2));
      client.shutdownOutput();

      assertThat(msa(client.reply(), 1)).isEqualTo("AE");
      assertThat(client.closedByListener()).isTrue();
    }
  }

  @Test
  void aFrameNotCompleteWithinTheReadTimeoutIsRefusedAndTheConnectionClosed() throws Exception {
    MllpListener listener = start(MllpListener.on(0).readTimeout(Duration.ofMillis(300)));
    try (MllpClient client = new MllpClient(listener.port())) {
      byte[] framed = MllpClient.frame(load("orm-o01-2.5.hl7"));
      client.write(java.util.Arrays.copyOf(framed, 100));

      assertThat(msa(client.reply(), 1)).isEqualTo("AE");
      assertThat(client.closedByListener()).isTrue();
    }
  }

  @Test
  void anIdleConnectionIsClosed() throws Exception {
    MllpListener listener = start(MllpListener.on(0).idleTimeout(Duration.ofMillis(300)));
    try (MllpClient client = new MllpClient(listener.port())) {
      assertThat(msa(client.send(load("orm-o01-2.4.hl7")), 1)).isEqualTo("AA");

      assertThat(client.closedByListener()).isTrue();
    }
  }

  @Test
  void manyConnectionsAtOnceEachGetTheirOwnReplies() throws Exception {
    MllpListener listener = start(MllpListener.on(0).maxConnections(16));
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < 12; c++) {
        int connection = c;
        results.add(clients.submit((Callable<List<String>>) () -> {
          List<String> answers = new ArrayList<>();
          try (MllpClient client = new MllpClient(listener.port())) {
            for (int m = 0; m < 15; m++) {
              String id = "C" + connection + "M" + m;
              String reply = client.send(set(load("orm-o01-2.5.hl7"), "MSH", 10, id));
              answers.add(msa(reply, 1) + " " + msa(reply, 2).equals(id));
            }
          }
          return answers;
        }));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).hasSize(15).containsOnly("AA true");
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aConnectionBeyondTheLimitIsClosedAtOnce() throws Exception {
    MllpListener listener = start(MllpListener.on(0).maxConnections(1));
    try (MllpClient first = new MllpClient(listener.port())) {
      assertThat(msa(first.send(load("orm-o01-2.4.hl7")), 1)).isEqualTo("AA");
      try (MllpClient second = new MllpClient(listener.port())) {
        second.write(MllpClient.frame(load("orm-o01-2.4.hl7")));

        assertThat(second.closedByListener()).isTrue();
      }
      assertThat(msa(first.send(load("orm-o01-2.5.hl7")), 1)).isEqualTo("AA");
    }
  }

  @Test
  void closingStopsAcceptingAndClosesIdleConnections() throws Exception {
    MllpListener listener = start();
    int port = listener.port();
    try (MllpClient client = new MllpClient(port)) {
      assertThat(msa(client.send(load("orm-o01-2.4.hl7")), 1)).isEqualTo("AA");

      listener.close();

      assertThat(client.closedByListener()).isTrue();
      assertThatThrownBy(() -> {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
          socket.setSoTimeout(5_000);
          socket.getOutputStream().write(MllpClient.frame(load("orm-o01-2.4.hl7")));
          if (socket.getInputStream().read() < 0) {
            throw new IOException("closed");
          }
        }
      }).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aPortInUseIsATypedError() {
    MllpListener listener = start();

    assertThatThrownBy(() -> MllpListener.on(listener.port()).handler(orders.mllpHandler()).start())
        .isInstanceOf(MllpListener.MllpException.class).hasMessageContaining("cannot listen on");
  }

  @Test
  void tlsWithAKeyStoreMadeByKeytool(@TempDir Path directory) throws Exception {
    Path keyStoreFile = directory.resolve("listener.p12");
    char[] password = "changeit".toCharArray();
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", "mllp", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStoreFile.toString(), "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    try (InputStream output = keytool.getInputStream()) {
      output.readAllBytes();
    }
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStoreFile)) {
      keyStore.load(in, password);
    }
    MllpListener listener = start(MllpListener.on(0).tls(keyStore, password));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);

    SSLSocket raw = (SSLSocket) tls.getSocketFactory().createSocket(
        InetAddress.getLoopbackAddress(), listener.port());
    try (MllpClient client = new MllpClient(raw)) {
      assertThat(msa(client.send(load("orm-o01-2.5.hl7")), 1)).isEqualTo("AA");
    }
    try (HapiContext context = new DefaultHapiContext()) {
      context.setSocketFactory(new StandardSocketFactory() {
        @Override
        public Socket createTlsSocket() throws IOException {
          return tls.getSocketFactory().createSocket();
        }
      });
      Connection connection = context.newClient("localhost", listener.port(), true);
      Message reply = connection.getInitiator().sendAndReceive(
          context.getPipeParser().parse(load("orm-o01-2.3.1.hl7")));
      connection.close();
      assertThat(new Terser(reply).get("/MSA-1")).isEqualTo("AA");
    }
    try (MllpClient plain = new MllpClient(listener.port())) {
      plain.write(MllpClient.frame(load("orm-o01-2.5.hl7")));
      assertThatThrownBy(plain::reply).isInstanceOf(IOException.class);
    }
  }
}
